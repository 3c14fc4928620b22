import { publicEnv, serverEnv } from '../env';

/** Runtime settings the server renders into the page (see app/layout.tsx). */
export interface RuntimeApiConfig {
  /** Full API URL, when the API is not on the dashboard's host. */
  url: string;
  /** API port on the dashboard's host otherwise. */
  port: string;
}

declare global {
  interface Window {
    __TENSORSCOPE_API__?: RuntimeApiConfig;
  }
}

/**
 * Where the API lives. A build-time NEXT_PUBLIC_API_URL wins (Next inlines it); then the runtime
 * config the dashboard server renders from API_PUBLIC_URL / API_PORT (so one build serves any port);
 * otherwise port 4000 of whatever host served the dashboard, so the same build works on localhost
 * and on a LAN address.
 */
export function apiBaseUrl(): string {
  const fromBuild = publicEnv().NEXT_PUBLIC_API_URL;
  if (fromBuild) return fromBuild;
  if (typeof window === 'undefined') return `http://localhost:${serverEnv().API_PORT}`;
  const runtime = window.__TENSORSCOPE_API__;
  if (runtime?.url) return runtime.url.replace(/\/+$/, '');
  return `${window.location.protocol}//${window.location.hostname}:${runtime?.port || '4000'}`;
}
