'use client';

import { useSyncExternalStore } from 'react';

const never = () => () => {};

/**
 * False while React hydrates server HTML (and on the server), true in every render after. The
 * server never knows who is signed in, so UI that depends on it must hydrate as the server drew
 * it: React does not patch attributes while hydrating, and a `disabled` drawn by the server stayed
 * in the DOM for good when a Suspense boundary hydrated after /auth/me had answered. Components
 * mounted later (client navigation) are true from their first render.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
