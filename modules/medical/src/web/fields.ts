import {
  CARE_TYPES,
  ITEM_TYPES,
  PACKAGE_TYPES,
  SERVICE_CATEGORIES,
  SERVICE_LEVELS,
  SERVICE_TYPES,
} from '../domain/types';
import type { RegisterKind } from './api';

/** One field of a register form: how it is edited and sent. */
export type FieldSpec =
  | { name: string; kind: 'text'; max: number; required?: boolean }
  | { name: string; kind: 'decimal'; required?: boolean }
  | { name: string; kind: 'int' }
  | {
      name: string;
      kind: 'select';
      /** The code list the values come from (codelist module): its entries name and order the options. */
      list: string;
      /** The built-in codes and their i18n labels, used while the code lists are unreadable. */
      codes: readonly string[];
      labels: string;
      required?: boolean;
    }
  | { name: string; kind: 'bool' }
  | { name: string; kind: 'patientCategory' };

/** Every field of DOMAIN.md §5.2 (items) and §5.3 (services), in form order. */
export const FIELDS: Record<RegisterKind, FieldSpec[]> = {
  items: [
    { name: 'code', kind: 'text', max: 6, required: true },
    { name: 'name', kind: 'text', max: 100, required: true },
    { name: 'type', kind: 'select', list: 'itemType', codes: ITEM_TYPES, labels: 'medical.itemType', required: true },
    { name: 'package', kind: 'text', max: 255 },
    { name: 'price', kind: 'decimal', required: true },
    { name: 'quantity', kind: 'decimal' },
    { name: 'maximumQuantity', kind: 'decimal' },
    {
      name: 'careType',
      kind: 'select',
      list: 'careType',
      codes: CARE_TYPES,
      labels: 'medical.careType',
      required: true,
    },
    { name: 'frequency', kind: 'int' },
    { name: 'patientCategory', kind: 'patientCategory' },
  ],
  services: [
    { name: 'code', kind: 'text', max: 6, required: true },
    { name: 'name', kind: 'text', max: 100, required: true },
    {
      name: 'type',
      kind: 'select',
      list: 'serviceType',
      codes: SERVICE_TYPES,
      labels: 'medical.serviceType',
      required: true,
    },
    {
      name: 'category',
      kind: 'select',
      list: 'serviceCategory',
      codes: SERVICE_CATEGORIES,
      labels: 'medical.category',
    },
    {
      name: 'level',
      kind: 'select',
      list: 'serviceLevel',
      codes: SERVICE_LEVELS,
      labels: 'medical.level',
      required: true,
    },
    { name: 'price', kind: 'decimal', required: true },
    { name: 'maximumQuantity', kind: 'decimal' },
    {
      name: 'careType',
      kind: 'select',
      list: 'careType',
      codes: CARE_TYPES,
      labels: 'medical.careType',
      required: true,
    },
    { name: 'frequency', kind: 'int' },
    { name: 'patientCategory', kind: 'patientCategory' },
    {
      name: 'packageType',
      kind: 'select',
      list: 'packageType',
      codes: PACKAGE_TYPES,
      labels: 'medical.packageType',
      required: true,
    },
    { name: 'manualPrice', kind: 'bool' },
  ],
};

/** Filters of each register's search page (select filters reuse the field's codes). */
export const FILTERS: Record<RegisterKind, string[]> = {
  items: ['type', 'careType'],
  services: ['type', 'category', 'level', 'careType'],
};

/** Routes, rights and labels of each register's pages. */
export const PAGES = {
  items: {
    path: '/admin/medical-items',
    entity: 'MedicalItem',
    title: 'medical.page.items',
    newTitle: 'medical.page.newItem',
    editTitle: 'medical.page.editItem',
    rights: {
      search: 'medical.item.search',
      add: 'medical.item.add',
      edit: 'medical.item.edit',
      delete: 'medical.item.delete',
    },
  },
  services: {
    path: '/admin/medical-services',
    entity: 'MedicalService',
    title: 'medical.page.services',
    newTitle: 'medical.page.newService',
    editTitle: 'medical.page.editService',
    rights: {
      search: 'medical.service.search',
      add: 'medical.service.add',
      edit: 'medical.service.edit',
      delete: 'medical.service.delete',
    },
  },
} as const;
