import { wordsFrom } from './locales/locale.ts';

// What staff write. `{p}` stands for a product, `{d}` for a deal, `{c}` for a competitor.

export const inboundFirstContact = wordsFrom(
  'Filled in the contact form asking about {p}|Called asking for a price on {p}|' +
    'Asked on chat whether {p} is in stock|Emailed asking for a quote for {p}|' +
    'Visited the showroom and looked at {p}',
);

export const nurtureTouches = wordsFrom(
  'Introductory call: explained our range around {p}|Sent the brochure for {p}|' +
    'Left a voicemail about {p}|Emailed a case study on {p}|Invited to a live demo of {p}|' +
    'Followed up on the webinar about {p}',
);

export const qualificationNotes = wordsFrom(
  'Discovery call: budget and timeline confirmed|Qualified: decision maker identified|' +
    'Meeting to review requirements and current setup|Confirmed the need and a rough budget',
);

export const stageNotes: Readonly<Record<string, ReadonlyArray<string>>> = {
  needs_analysis: wordsFrom(
    'Needs analysis meeting: went through how they would use {p}|' +
      'Workshop on requirements for {d}|Site visit to see the current equipment',
  ),
  proposal: wordsFrom(
    'Sent the proposal for {d}|Presented the offer for {d}|Sent a revised quote for {d}',
  ),
  negotiation: wordsFrom(
    'Negotiated the discount on {d}|Agreed payment terms for {d}|Call with purchasing about {d}',
  ),
};

export const wonNotes = wordsFrom(
  'Order confirmed for {d}; explained delivery and invoicing|Thanked them for the order {d}|' +
    'Kick-off call for {d}',
);

export const lostNotes = wordsFrom(
  'Debrief: they chose {c}|Call to understand why {d} was lost|They decided not to go ahead with {d}',
);

export const checkInNotes = wordsFrom(
  'Quarterly check-in: happy with {p}|Account review meeting|' +
    'Visited the office to review the installed equipment|Asked how {p} is working out|' +
    'Discussed upcoming needs for next year|Shared the new product line-up',
);

export const followUpNotes = wordsFrom(
  'Call back about {p}|Send the updated price list|Check the quote was received|' +
    'Confirm the delivery date|Ask for feedback on {p}|Book a demo',
);

export const followUpCancellations = wordsFrom(
  'Customer asked not to be called|Handled in a meeting instead|No longer needed',
);

export const lossReasons = wordsFrom(
  'Price too high|Chose a competitor|Project postponed|No budget this year|No decision made|' +
    'Stayed with the current supplier|Requirements changed',
);

export const competitors = wordsFrom(
  'Northwind Traders|Contoso Direct|Globex IT|Initech Solutions|Fabrikam Supplies|' +
    'Wingtip Technologies|Tailspin Office|Litware Systems',
);

export const churnReasons = wordsFrom(
  'Moved to a competitor|Budget cuts|No longer needs our products|Unhappy with service|' +
    'Company closed the office|No purchase for over a year',
);

export const reactivationReasons = wordsFrom(
  'Won back with a loyalty offer|Returned after problems with the other supplier|' +
    'New project, asked us for a quote|Re-engaged through the win-back campaign',
);

export const advocateReasons = wordsFrom(
  'Agreed to act as a reference customer|Referred a new customer|Gave a testimonial|' +
    'Agreed to a case study',
);

export const ticketSubjects: Readonly<Record<string, ReadonlyArray<string>>> = {
  question: wordsFrom(
    'Question about the invoice|How do I set up {p}?|Can we add more users?|Delivery date?',
  ),
  complaint: wordsFrom(
    'Delivery arrived late|{p} arrived damaged|Charged twice|Nobody called back|Wrong item delivered',
  ),
  incident: wordsFrom(
    '{p} does not start|{p} keeps restarting|Cannot connect {p} to the network|Screen flickers on {p}',
  ),
  after_sales: wordsFrom(
    'Warranty claim for {p}|Return request for {p}|Replacement part for {p}|Upgrade of {p}',
  ),
};

export const ticketDescriptions = wordsFrom(
  'Customer describes the problem in detail and attached photos.|' +
    'Customer called the hotline; details noted during the call.|' +
    'Reported through the web form with order number.|Customer is waiting for an answer today.',
);

export const agentReplies = wordsFrom(
  'Thanks for reaching out, we are looking into it.|Could you send us the serial number?|' +
    'A technician will contact you tomorrow.|We have shipped a replacement.|' +
    'Please try the steps in the attached guide.',
);

export const customerReplies = wordsFrom(
  'Here is the serial number you asked for.|Still not working, please help.|' +
    'Thanks, that helped.|When will the technician come?',
);

export const internalNotes = wordsFrom(
  'Checked the order: shipped from the Leipzig warehouse.|Known issue, firmware fix pending.|' +
    'Customer is a key account, handle with care.',
);

export const escalationReasons = wordsFrom(
  'Needs a specialist|Hardware fault suspected|Billing dispute|Customer asked for a manager',
);

export const escalationTeams = wordsFrom('Field Service|Billing|Product Specialists|Logistics');

export const resolutions = wordsFrom(
  'Replaced the faulty unit|Explained the settings; works now|Credit note issued|' +
    'Firmware updated remotely|Delivered the missing item|Answered the question',
);

export const reopenReasons = wordsFrom(
  'Problem came back|Replacement also faulty|Credit note not received',
);

export const campaignThemes = wordsFrom(
  'laptop refresh|back to school|year-end security check|spring office upgrade|' +
    'black friday bundles|hybrid work kit|printing made simple|new-year IT health check',
);

export const campaignCostItems: Readonly<Record<string, ReadonlyArray<string>>> = {
  email: wordsFrom('Email platform fees|Copywriting and design|List cleaning'),
  sms: wordsFrom('SMS gateway credits|Short code rental'),
  social: wordsFrom('Paid social media spend|Creative agency|Influencer fee'),
  event: wordsFrom('Venue hire|Catering|Stand build and staff travel|Printed material'),
};

/** Fills `{p}`, `{d}` and `{c}` in a phrase. */
export const fill = (
  phrase: string,
  values: { readonly p?: string; readonly d?: string; readonly c?: string },
): string =>
  phrase
    .replaceAll('{p}', values.p ?? 'our products')
    .replaceAll('{d}', values.d ?? 'the order')
    .replaceAll('{c}', values.c ?? 'another supplier');
