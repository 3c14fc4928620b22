'use client';

import type { ReactNode } from 'react';

interface PickerProps<T extends string | number> {
  /** The visible caption; without one the select stands alone and `ariaLabel` names it. */
  label?: ReactNode;
  /** Class of the wrapping <label> (`filter` in toolbars and section heads). */
  className?: string;
  options: readonly T[];
  value: T;
  /** Called with the picked option itself (typed), never with the DOM's string. */
  onChange(value: NoInfer<T>): void;
  optionLabel?(option: NoInfer<T>): ReactNode;
  optionTitle?(option: NoInfer<T>): string;
  testId: string;
  name?: string;
  id?: string;
  title?: string;
  ariaLabel?: string;
  ariaInvalid?: boolean;
  disabled?: boolean;
  /** Rendered after the select inside the label (a field error). */
  children?: ReactNode;
}

/**
 * One labelled <select> over a typed list of options: the dashboard's toolbars, section heads and
 * forms all pick this way. The picked value is looked up among `options`, so callers get a `T`
 * without casting the DOM's string.
 */
export function Picker<T extends string | number>(props: PickerProps<T>) {
  const { label, className = 'filter', options, value, onChange, optionLabel, optionTitle, testId, children } = props;
  const select = (
    <select
      id={props.id}
      name={props.name}
      data-testid={testId}
      aria-label={props.ariaLabel}
      aria-invalid={props.ariaInvalid}
      title={props.title}
      value={value}
      disabled={props.disabled}
      onChange={(event) => {
        const picked = options.find((option) => String(option) === event.target.value);
        if (picked !== undefined) onChange(picked);
      }}
    >
      {options.map((option) => (
        <option key={option} value={option} title={optionTitle?.(option)}>
          {optionLabel ? optionLabel(option) : option}
        </option>
      ))}
    </select>
  );
  if (label === undefined) return select;
  return (
    <label className={className}>
      <span>{label}</span>
      {select}
      {children}
    </label>
  );
}
