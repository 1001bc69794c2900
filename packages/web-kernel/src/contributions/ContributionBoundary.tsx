import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import CircularProgress from '@mui/material/CircularProgress';
import { Component, type ErrorInfo, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

export interface ContributionBoundaryProps {
  /** Id of the module that made the contribution (shown in the error card). */
  moduleId: string;
  /** Point or contribution id, for the console message and data attributes. */
  contributionId?: string;
  children: ReactNode;
}

function ContributionErrorCard({ moduleId, error }: { moduleId: string; error: Error }) {
  const { t } = useTranslation();
  return (
    <Alert severity="error" role="alert" data-module-id={moduleId} sx={{ my: 1 }}>
      <AlertTitle>{t('core.contribution.failed', { module: moduleId })}</AlertTitle>
      {error.message}
    </Alert>
  );
}

interface BoundaryState {
  error: Error | null;
}

class ErrorCatcher extends Component<ContributionBoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(
      `contribution of module '${this.props.moduleId}'${this.props.contributionId ? ` to '${this.props.contributionId}'` : ''} failed`,
      error,
      info.componentStack,
    );
  }

  override render(): ReactNode {
    if (this.state.error) return <ContributionErrorCard moduleId={this.props.moduleId} error={this.state.error} />;
    return this.props.children;
  }
}

/** Suspense plus an error boundary labelled with the module id: a broken contribution never blanks the page. */
export function ContributionBoundary({ moduleId, contributionId, children }: ContributionBoundaryProps) {
  return (
    <ErrorCatcher moduleId={moduleId} {...(contributionId ? { contributionId } : {})}>
      <Suspense fallback={<CircularProgress size={24} aria-label="…" />}>
        <div data-module-id={moduleId} data-contribution-id={contributionId} style={{ display: 'contents' }}>
          {children}
        </div>
      </Suspense>
    </ErrorCatcher>
  );
}
