/** A field an import reads, with the column headers other CRMs and spreadsheets give it. */
export interface ImportField {
  readonly name: string;
  readonly description: string;
  readonly aliases: ReadonlyArray<string>;
}

const field = (name: string, description: string, aliases: ReadonlyArray<string>): ImportField => ({
  name,
  description,
  aliases,
});

/** The fields of a customer row. A row needs a name: `name`, `familyName` or `company`. */
export const customerFields: ReadonlyArray<ImportField> = [
  field('id', 'the record’s id in the other system (keys re-runs)', [
    'id',
    'customer id',
    'external id',
    'record id',
    'contact id',
  ]),
  field('name', 'a person’s full name', ['name', 'full name', 'contact name', 'customer name']),
  field('givenName', 'given (first) name', ['given name', 'first name', 'firstname', 'forename']),
  field('familyName', 'family (last) name', ['family name', 'last name', 'lastname', 'surname']),
  field('company', 'a company’s legal name', [
    'company',
    'company name',
    'organisation',
    'organization',
    'account name',
    'legal name',
  ]),
  field('email', 'email address', ['email', 'e mail', 'email address', 'mail']),
  field('phone', 'phone number, in any common format', [
    'phone',
    'phone number',
    'telephone',
    'tel',
    'mobile',
    'mobile phone',
    'cell',
  ]),
  field(
    'country',
    'ISO country code: the address country, and the region national phone numbers are read in',
    ['country', 'country code'],
  ),
  field('street', 'street address (lines separated by new lines)', [
    'street',
    'address',
    'street address',
    'address line 1',
  ]),
  field('city', 'city', ['city', 'town']),
  field('postalCode', 'postal code', ['postal code', 'postcode', 'zip', 'zip code']),
  field('source', 'acquisition source (a short label)', ['source', 'lead source']),
  field(
    'channel',
    'acquisition channel (organic_search, paid_ads, social, email, referral, partner, event, direct, outbound, other)',
    ['channel', 'acquisition channel'],
  ),
  field('owner', 'user id of the owning rep', ['owner', 'owner id', 'account owner', 'sales rep']),
  field('registeredAt', 'when the customer was first recorded (ISO date or instant)', [
    'registered at',
    'registered',
    'created at',
    'created',
    'created date',
    'date added',
  ]),
];

/** The fields of a deal row. A row needs a customer (`customer`, `customerEmail` or `customerPhone`). */
export const dealFields: ReadonlyArray<ImportField> = [
  field('id', 'the deal’s id in the other system (keys re-runs)', [
    'id',
    'deal id',
    'opportunity id',
    'external id',
    'record id',
  ]),
  field('customer', 'the customer: its id in the customers file, or a CRM customer id', [
    'customer',
    'customer id',
    'account id',
    'contact id',
    'customer ref',
  ]),
  field('customerEmail', 'the customer’s email address', [
    'customer email',
    'contact email',
    'email',
  ]),
  field('customerPhone', 'the customer’s phone number', [
    'customer phone',
    'contact phone',
    'phone',
  ]),
  field('title', 'what is being sold', [
    'title',
    'deal',
    'deal name',
    'opportunity',
    'opportunity name',
    'name',
  ]),
  field('amount', 'total value (1,234.50 / 1.234,50 / 1200 USD)', [
    'amount',
    'value',
    'deal value',
    'total',
    'revenue',
  ]),
  field('cost', 'total cost (0 when absent)', ['cost', 'total cost', 'cogs']),
  field('currency', 'ISO 4217 currency code', ['currency', 'currency code', 'ccy']),
  field('product', 'product id', ['product', 'product id', 'sku']),
  field('quantity', 'units (1 when absent)', ['quantity', 'qty', 'units']),
  field(
    'stage',
    'pipeline stage (qualification, needs_analysis, proposal, negotiation; won, lost)',
    ['stage', 'deal stage', 'pipeline stage'],
  ),
  field('status', 'open, won or lost', ['status', 'state', 'outcome']),
  field('openedAt', 'when the deal was opened', [
    'opened at',
    'opened',
    'created at',
    'created',
    'created date',
  ]),
  field('closedAt', 'when it was won or lost', [
    'closed at',
    'closed',
    'close date',
    'date closed',
  ]),
  field('expectedCloseDate', 'expected close date', [
    'expected close date',
    'expected close',
    'forecast close date',
  ]),
  field('lostReason', 'why it was lost', ['lost reason', 'loss reason', 'reason']),
  field('competitor', 'who won it instead', ['competitor']),
  field('owner', 'user id of the rep working it', ['owner', 'owner id', 'sales rep', 'rep']),
  field('rate', 'exchange rate into the reporting currency (1 unit = rate units)', [
    'rate',
    'exchange rate',
    'fx rate',
  ]),
];
