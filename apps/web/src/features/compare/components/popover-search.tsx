import type { ReactNode } from 'react';

/** The top row of a compare popover: a search box (its placeholder is its label) and the popover's action beside it. */
export function PopoverSearch(props: {
  label: string;
  testId: string;
  value: string;
  onChange(text: string): void;
  autoFocus?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="compare-popover-row">
      <input
        type="search"
        placeholder={props.label}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        autoFocus={props.autoFocus}
        aria-label={props.label}
        data-testid={props.testId}
      />
      {props.children}
    </div>
  );
}
