import { useQuery } from '@tanstack/react-query';
import { gql } from '../api/http';

/** A background job as returned by the `job(id)` query. */
export interface Job {
  id: string;
  type: string;
  status: 'queued' | 'running' | 'done' | 'failed' | string;
  done: number;
  total: number | null;
  error: string | null;
  result: unknown;
}

const JOB_QUERY = 'query Job($id: ID!) { job(id: $id) { id type status done total error result } }';

/** True once the job will not change any more. */
export function isJobFinished(job: Job | null | undefined): boolean {
  return job?.status === 'done' || job?.status === 'failed';
}

/**
 * Polls a job every second until its status is `done` or `failed`.
 *
 * @example
 * const { job } = useJob(jobId); return job ? <ProgressBar label={t('x.import')} done={job.done} total={job.total} /> : null;
 */
export function useJob(jobId: string | null | undefined): { job: Job | null; error: unknown; finished: boolean } {
  const q = useQuery({
    queryKey: ['core.job', jobId],
    queryFn: () => gql<{ job: Job | null }>(JOB_QUERY, { id: jobId }).then((d) => d.job),
    enabled: Boolean(jobId),
    refetchInterval: (query) => (isJobFinished(query.state.data) ? false : 1000),
  });
  const job = q.data ?? null;
  return { job, error: q.error, finished: isJobFinished(job) };
}
