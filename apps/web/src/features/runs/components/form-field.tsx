import type { ReactNode } from 'react';

/**
 * One labelled row of the new-run form: the input, then its error (which replaces the hint).
 * The error's id lets the input point at it with aria-describedby.
 */
export function FormField({
  name,
  label,
  error,
  hint,
  labelFor = true,
  children,
}: {
  name: string;
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  /** false for a group of checkboxes, which has no single input to label. */
  labelFor?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={`field ${error ? 'field--invalid' : ''}`} data-field={name}>
      {labelFor ? (
        <label htmlFor={`run-${name}`}>{label}</label>
      ) : (
        <span className="field-label" id={`run-${name}-label`}>
          {label}
        </span>
      )}
      {children}
      {error ? (
        <div className="field-error" data-testid={`field-error-${name}`} id={`run-${name}-error`}>
          {error}
        </div>
      ) : (
        hint && <div className="field-hint">{hint}</div>
      )}
    </div>
  );
}
