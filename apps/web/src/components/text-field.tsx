'use client';

import type { HTMLAttributes, ReactNode } from 'react';

/**
 * A labelled one-line text input, the way the dashboard's small forms and toolbars ask for a
 * name, an email or a number: caption, input, then whatever follows it in the label (a field
 * error). The value is the text as typed; parsing stays with the caller.
 */
export function TextField(props: {
  label: ReactNode;
  /** Class of the wrapping <label>: `filter` inline, `stacked-field` in column forms. */
  className?: string;
  inputClassName?: string;
  testId: string;
  value: string;
  onChange(text: string): void;
  type?: 'text' | 'email' | 'password' | 'search';
  name?: string;
  /** Id of the element that explains the input (a help line or its error). */
  describedBy?: string;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  autoComplete?: string;
  spellCheck?: boolean;
  placeholder?: string;
  invalid?: boolean;
  children?: ReactNode;
}) {
  const { label, className = 'filter', type = 'text', autoComplete = 'off', onChange, children } = props;
  return (
    <label className={className}>
      <span>{label}</span>
      <input
        className={props.inputClassName}
        data-testid={props.testId}
        type={type}
        name={props.name}
        aria-describedby={props.describedBy}
        inputMode={props.inputMode}
        autoComplete={autoComplete}
        spellCheck={props.spellCheck}
        placeholder={props.placeholder}
        value={props.value}
        aria-invalid={props.invalid}
        onChange={(event) => onChange(event.target.value)}
      />
      {children}
    </label>
  );
}
