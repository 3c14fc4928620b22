/*
 * When a floating panel (a compare picker, a chart menu) closes by itself: Escape, or a pointer
 * pressed outside it. Kept apart from the component so it is tested without a DOM.
 */

/** What of a DOM node the decision needs. */
export interface TContainer {
  contains(node: unknown): boolean;
}

export type TDismissEvent =
  { type: 'keydown'; key: string } | { type: 'pointerdown'; target: unknown } | { type: 'focusin'; target: unknown };

/**
 * Whether `event` should close the open panel `container`: Escape anywhere, a press outside it
 * (the press still reaches what it landed on, so one click on the toolbar both closes the panel
 * and works the control), or focus moving outside it (Tab past its last field).
 */
export function shouldDismiss(event: TDismissEvent, container: TContainer): boolean {
  if (event.type === 'keydown') return event.key === 'Escape';
  return event.target !== null && event.target !== undefined && !container.contains(event.target);
}
