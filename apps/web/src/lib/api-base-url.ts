/**
 * Where the API lives. A build-time NEXT_PUBLIC_API_URL wins (Next inlines it);
 * otherwise the API is assumed on port 4000 of whatever host served the dashboard,
 * so the same build works on localhost and on a LAN address.
 */
export function apiBaseUrl(): string {
  const fromBuild = process.env.NEXT_PUBLIC_API_URL;
  if (fromBuild) return fromBuild.replace(/\/+$/, '');
  if (typeof window === 'undefined') return 'http://localhost:4000';
  return `${window.location.protocol}//${window.location.hostname}:4000`;
}
