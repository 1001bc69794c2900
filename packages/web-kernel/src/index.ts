/**
 * @mutua/web-kernel: the web shell's public API. Modules import only from here.
 * @module
 */

export { type Connection, connectionFields } from './api/connection';
export { apiHeaders, configureApi, type FieldProblem, fetchJson, fieldError, GqlError, gql } from './api/http';
export { type ConnectionState, type ConnectionTableProps, useConnection } from './api/use-connection';
export {
  type CreateMutuaAppInput,
  createMutuaApp,
  type MutuaAppParts,
  type WebComposition,
} from './app/create-mutua-app';
export { MutuaApp, MutuaProviders } from './app/MutuaApp';
export { theme } from './app/theme';
export { type AuthApi, AuthProvider, useAuth } from './auth/AuthProvider';
export { type AuthStore, createAuthStore } from './auth/auth-store';
export { ME_FIELDS, type Me, type RightRequirement, userHasRight } from './auth/me';
export { ContributionBoundary, type ContributionBoundaryProps } from './contributions/ContributionBoundary';
export {
  ContributionSlot,
  ContributionsProvider,
  useContributionEntries,
  useContributions,
  useModuleConfig,
} from './contributions/ContributionsProvider';
export {
  type ContributionEntry,
  type ContributionRegistry,
  createContributionRegistry,
} from './contributions/contribution-registry';
export { homePanels, type MenuGroup, type MenuItem, mainMenu, menuGroups } from './contributions/core-points';
export { type Contribution, contribute, definePoint, type PointRef } from './contributions/define-point';
export {
  defineWebModule,
  type WebMessages,
  type WebModule,
  type WebModuleInput,
  type WebRoute,
} from './contributions/define-web-module';
export { LoginForm } from './core/auth/LoginPage';
export { coreWebModule } from './core/core-web-module';
export { createI18n, type Language, languageNames, languages } from './i18n/create-i18n';
export { formatMoney } from './i18n/format-money';
export { isJobFinished, type Job, useJob } from './jobs/use-job';
export { type AppRouter, createAppRouter, type RouterContext } from './router/create-app-router';
export { LinkButton, RouterLink, useGo, useRouteParams } from './router/navigation';
export { AppShell } from './shell/AppShell';
export { ForbiddenPage } from './shell/ForbiddenPage';
export { LanguageSwitch, useLanguage } from './shell/LanguageSwitch';
export { MainMenu } from './shell/MainMenu';
export { NotFoundPage } from './shell/NotFoundPage';
export { StatusPage } from './shell/StatusPage';
export { visibleMenu } from './shell/visible-menu';
export {
  type ChangeLine,
  describeChanges,
  diffFields,
  type FieldChange,
  type HistoryField,
  type HistoryView,
} from './ui/audit-diff';
export { ConfirmDialog, type ConfirmDialogProps } from './ui/ConfirmDialog';
export { type DataColumn, DataTable, type DataTableProps } from './ui/DataTable';
export { ErrorAlert } from './ui/ErrorAlert';
export { FormGrid } from './ui/FormGrid';
export { type AuditEntry, HistoryPanel } from './ui/HistoryPanel';
export {
  type ImporterChoice,
  type ImportFormat,
  ImportPanel,
  type ImportPanelProps,
  type ImportResult,
} from './ui/ImportPanel';
export { NumberInput, type NumberInputProps } from './ui/NumberInput';
export { PageHeader, type PageHeaderProps } from './ui/PageHeader';
export { ProgressBar } from './ui/ProgressBar';
export {
  type RecordAction,
  RecordDialog,
  type RecordDialogProps,
  RegisterPage,
  type RegisterPageProps,
  useRecordMutations,
} from './ui/RegisterPage';
export { SearchFilters, type SearchFiltersProps } from './ui/SearchFilters';
export { SelectInput, type SelectInputProps, type SelectOption } from './ui/SelectInput';
export { TextInput, type TextInputProps } from './ui/TextInput';
export { usePageTitle } from './ui/use-page-title';
