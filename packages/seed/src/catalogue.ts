import type { ProductId } from '@crm/domain';

/** What a product is, for grouping and for how many of it an order takes. */
export type ProductCategory = 'hardware' | 'accessories' | 'consumables' | 'software' | 'services';

/** One product of the seeded company's catalogue, priced in euros (converted per deal currency). */
export interface Product {
  readonly productId: ProductId;
  readonly name: string;
  readonly category: ProductCategory;
  /** List price per unit, in euros. */
  readonly listPriceEur: number;
  /** What one unit costs the company, in euros. */
  readonly unitCostEur: number;
  /** Ordered per seat (a laptop for each user) rather than a handful per order. */
  readonly perSeat: boolean;
}

const product = (
  id: string,
  name: string,
  category: ProductCategory,
  listPriceEur: number,
  unitCostEur: number,
  perSeat: boolean,
): Product => ({
  productId: `prod-${id}` as ProductId,
  name,
  category,
  listPriceEur,
  unitCostEur,
  perSeat,
});

/**
 * The catalogue of an office-technology reseller: low-margin hardware, high-margin accessories,
 * software and services, and three loss-leaders sold below cost (the office printer, whose
 * toner makes the money, the entry smartphone and the home-office bundle).
 */
export const products: ReadonlyArray<Product> = [
  product('laptop-pro-14', 'Laptop Pro 14', 'hardware', 1499, 1215, true),
  product('laptop-air-13', 'Laptop Air 13', 'hardware', 999, 845, true),
  product('workstation', 'Desktop Workstation', 'hardware', 2190, 1640, true),
  product('monitor-27-4k', '27" 4K Monitor', 'hardware', 429, 318, true),
  product('docking-station', 'Docking Station', 'accessories', 249, 109, true),
  product('keyboard-mouse-set', 'Wireless Keyboard & Mouse Set', 'accessories', 79, 27, true),
  product('headset-nc', 'Noise-cancelling Headset', 'accessories', 189, 92, true),
  product('printer-office', 'Office Printer', 'hardware', 299, 342, false),
  product('toner-cartridge', 'Toner Cartridge', 'consumables', 89, 21, false),
  product('smartphone-x', 'Smartphone X', 'hardware', 899, 781, true),
  product('smartphone-lite', 'Smartphone Lite', 'hardware', 199, 214, true),
  product('tablet-11', 'Tablet 11', 'hardware', 649, 538, true),
  product('warranty-3y', 'Extended Warranty, 3 Years', 'services', 199, 38, true),
  product('installation-day', 'On-site Installation (day)', 'services', 850, 410, false),
  product('support-plan', 'IT Support Plan (seat, year)', 'services', 240, 96, true),
  product('cloud-backup', 'Cloud Backup (user, year)', 'software', 96, 19, true),
  product('security-suite', 'Security Suite (device, year)', 'software', 59, 11, true),
  product('training-day', 'Training Workshop (day)', 'services', 1200, 520, false),
  product('conference-kit', 'Conference Room Kit', 'hardware', 3490, 2960, false),
  product('starter-bundle', 'Home Office Starter Bundle', 'hardware', 499, 556, false),
];

const byId = new Map(products.map((p) => [p.productId as string, p]));

/** The product of an id in the catalogue. */
export const productOf = (id: string): Product => {
  const found = byId.get(`prod-${id}`) ?? byId.get(id);
  if (found === undefined) throw new RangeError(`No product ${id}`);
  return found;
};

/** What a customer is interested in; each interest is a segment tag and a typical basket. */
export type Interest = 'laptops' | 'mobile' | 'printing' | 'security' | 'workspace' | 'services';

export const interests: ReadonlyArray<Interest> = [
  'laptops',
  'mobile',
  'printing',
  'security',
  'workspace',
  'services',
];

/**
 * A typical basket per interest: the lead product (one of the first list) and add-ons, each
 * with the chance it is on the order.
 */
export const baskets: Readonly<
  Record<
    Interest,
    {
      readonly lead: ReadonlyArray<string>;
      readonly addOns: ReadonlyArray<readonly [string, number]>;
    }
  >
> = {
  laptops: {
    lead: ['laptop-pro-14', 'laptop-air-13', 'workstation'],
    addOns: [
      ['docking-station', 0.6],
      ['warranty-3y', 0.5],
      ['monitor-27-4k', 0.3],
      ['keyboard-mouse-set', 0.3],
    ],
  },
  mobile: {
    lead: ['smartphone-x', 'smartphone-lite', 'tablet-11'],
    addOns: [
      ['headset-nc', 0.3],
      ['warranty-3y', 0.4],
      ['security-suite', 0.2],
    ],
  },
  printing: {
    lead: ['printer-office'],
    addOns: [
      ['toner-cartridge', 0.9],
      ['installation-day', 0.15],
    ],
  },
  security: {
    lead: ['security-suite', 'cloud-backup'],
    addOns: [
      ['cloud-backup', 0.5],
      ['support-plan', 0.4],
      ['training-day', 0.15],
    ],
  },
  workspace: {
    lead: ['monitor-27-4k', 'starter-bundle', 'conference-kit'],
    addOns: [
      ['keyboard-mouse-set', 0.5],
      ['headset-nc', 0.4],
      ['docking-station', 0.3],
    ],
  },
  services: {
    lead: ['installation-day', 'support-plan', 'training-day'],
    addOns: [
      ['training-day', 0.4],
      ['support-plan', 0.3],
      ['warranty-3y', 0.2],
    ],
  },
};
