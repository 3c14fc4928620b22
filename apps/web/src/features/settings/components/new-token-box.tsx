'use client';

import type { TTokenCreated } from '@tensorscope/shared';
import { useRef, useState } from 'react';

type TCopyState = 'idle' | 'copied' | 'failed';

/** A just-created token: the only time its secret is shown, with a copy button and a warning. */
export function NewTokenBox({ token, onDone }: { token: TTokenCreated; onDone: () => void }) {
  const valueRef = useRef<HTMLElement>(null);
  const [copy, setCopy] = useState<TCopyState>('idle');

  const onCopy = async () => {
    try {
      // The Clipboard API exists only in secure contexts (https, localhost); a LAN address over
      // http has none, so the text is selected for copying by hand instead.
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(token.token);
      setCopy('copied');
    } catch {
      const node = valueRef.current;
      const selection = window.getSelection();
      if (node && selection) {
        const range = document.createRange();
        range.selectNodeContents(node);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      setCopy('failed');
    }
  };

  return (
    <div className="new-token" role="status" data-testid="new-token">
      <p>
        <strong>Copy the token “{token.name}” now: it will not be shown again.</strong> Only its prefix stays visible in the list.
      </p>
      <div className="new-token-row">
        <code className="new-token-value" data-testid="new-token-value" ref={valueRef}>
          {token.token}
        </code>
        <button type="button" className="button" data-testid="copy-token" onClick={() => void onCopy()}>
          {copy === 'copied' ? 'Copied' : 'Copy'}
        </button>
        <button type="button" className="button" data-testid="dismiss-token" onClick={onDone}>
          Done
        </button>
      </div>
      {copy === 'failed' && <p className="muted small">The browser would not copy it: the token is selected, press Ctrl+C (⌘C).</p>}
    </div>
  );
}
