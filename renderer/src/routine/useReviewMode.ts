import { useCallback, useState } from 'react';

const STORAGE_KEY = 'carnet.reviewOpen';

export type ReviewRequest = { imported: boolean };

/**
 * Whether review mode is open, remembered across reloads so that a review
 * left open comes back on the contact it was on (the progress itself is in
 * the document).
 */
export function useReviewMode(): { request: ReviewRequest | null; open(imported?: boolean): void; close(): void } {
  const [request, setRequest] = useState<ReviewRequest | null>(() => (read() ? { imported: false } : null));
  const open = useCallback((imported = false) => {
    write(true);
    setRequest({ imported });
  }, []);
  const close = useCallback(() => {
    write(false);
    setRequest(null);
  }, []);
  return { request, open, close };
}

function read(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

function write(open: boolean): void {
  try {
    if (open) localStorage.setItem(STORAGE_KEY, '1');
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage can be disabled: the review then simply starts closed after a reload.
  }
}
