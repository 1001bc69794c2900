import type { ModuleManifest } from '@mutua/kernel';

/** Named rights of the price-list module; legacy codes from DOMAIN.md §2.3 so seeded system roles receive them. */
export const RIGHTS = {
  servicesSearch: 'medical-pricelist.services.search',
  servicesAdd: 'medical-pricelist.services.add',
  servicesEdit: 'medical-pricelist.services.edit',
  servicesDelete: 'medical-pricelist.services.delete',
  servicesDuplicate: 'medical-pricelist.services.duplicate',
  itemsSearch: 'medical-pricelist.items.search',
  itemsAdd: 'medical-pricelist.items.add',
  itemsEdit: 'medical-pricelist.items.edit',
  itemsDelete: 'medical-pricelist.items.delete',
  itemsDuplicate: 'medical-pricelist.items.duplicate',
} as const;

export const manifest: ModuleManifest = {
  id: 'medical-pricelist',
  version: '0.1.0',
  dependsOn: ['location', 'medical'],
  rights: [
    { name: RIGHTS.servicesSearch, legacyCode: 121201, label: 'medical-pricelist.right.servicesSearch' },
    { name: RIGHTS.servicesAdd, legacyCode: 121202, label: 'medical-pricelist.right.servicesAdd' },
    { name: RIGHTS.servicesEdit, legacyCode: 121203, label: 'medical-pricelist.right.servicesEdit' },
    { name: RIGHTS.servicesDelete, legacyCode: 121204, label: 'medical-pricelist.right.servicesDelete' },
    { name: RIGHTS.servicesDuplicate, legacyCode: 121205, label: 'medical-pricelist.right.servicesDuplicate' },
    { name: RIGHTS.itemsSearch, legacyCode: 121301, label: 'medical-pricelist.right.itemsSearch' },
    { name: RIGHTS.itemsAdd, legacyCode: 121302, label: 'medical-pricelist.right.itemsAdd' },
    { name: RIGHTS.itemsEdit, legacyCode: 121303, label: 'medical-pricelist.right.itemsEdit' },
    { name: RIGHTS.itemsDelete, legacyCode: 121304, label: 'medical-pricelist.right.itemsDelete' },
    { name: RIGHTS.itemsDuplicate, legacyCode: 121305, label: 'medical-pricelist.right.itemsDuplicate' },
  ],
};

export type PricelistKind = 'items' | 'services';

/** The rights of one kind of price list. */
export const KIND_RIGHTS = {
  items: {
    search: RIGHTS.itemsSearch,
    add: RIGHTS.itemsAdd,
    edit: RIGHTS.itemsEdit,
    delete: RIGHTS.itemsDelete,
    duplicate: RIGHTS.itemsDuplicate,
  },
  services: {
    search: RIGHTS.servicesSearch,
    add: RIGHTS.servicesAdd,
    edit: RIGHTS.servicesEdit,
    delete: RIGHTS.servicesDelete,
    duplicate: RIGHTS.servicesDuplicate,
  },
} as const;
