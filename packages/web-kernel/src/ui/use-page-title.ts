import { useEffect } from 'react';

/** Sets `document.title` to "<title> · Mutua" while the page is shown. */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Mutua` : 'Mutua';
  }, [title]);
}
