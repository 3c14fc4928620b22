'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';
import { shouldDismiss, type TDismissEvent } from '../lib/dismiss';

/**
 * A button that opens a floating panel (a `<details>`, so it works before hydration). The panel
 * closes on Escape (focus goes back to the button), a press outside it or focus leaving it, so it
 * never stays over the controls below it. `children` renders only while open: pickers fetch what
 * they list only then.
 */
export function Popover({
  label,
  testId,
  className = '',
  children,
}: {
  label: ReactNode;
  testId: string;
  className?: string;
  children: () => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDetailsElement>(null);

  useEffect(() => {
    const details = ref.current;
    if (!open || !details) return;
    const onEvent = (event: TDismissEvent) => {
      if (!shouldDismiss(event, details)) return;
      setOpen(false);
      if (event.type === 'keydown') details.querySelector('summary')?.focus();
    };
    const onKey = (e: KeyboardEvent) => onEvent({ type: 'keydown', key: e.key });
    const onPointer = (e: PointerEvent) => onEvent({ type: 'pointerdown', target: e.target });
    const onFocus = (e: FocusEvent) => onEvent({ type: 'focusin', target: e.target });
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer, true);
    document.addEventListener('focusin', onFocus);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer, true);
      document.removeEventListener('focusin', onFocus);
    };
  }, [open]);

  return (
    <details ref={ref} className={`popover ${className}`} open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="button" data-testid={testId} aria-expanded={open}>
        {label}
      </summary>
      {open && children()}
    </details>
  );
}
