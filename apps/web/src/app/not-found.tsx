import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="state-box" data-testid="not-found">
      <h2>Page not found</h2>
      <p>
        Nothing lives at this address. <Link href="/">Back to the runs</Link>
      </p>
    </div>
  );
}
