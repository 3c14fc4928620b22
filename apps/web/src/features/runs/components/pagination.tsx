interface Props {
  page: number;
  pageSize: number;
  total: number;
  onPageChange(page: number): void;
}

export function Pagination({ page, pageSize, total, onPageChange }: Props) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav className="pagination" aria-label="Pages" data-testid="pagination">
      <span className="muted">
        {first}–{last} of {total} run{total === 1 ? '' : 's'}
      </span>
      <span className="pagination-buttons">
        <button type="button" className="button" disabled={page <= 1} onClick={() => onPageChange(page - 1)}>
          ‹ Prev
        </button>
        <span>
          Page {page} / {pages}
        </span>
        <button type="button" className="button" disabled={page >= pages} onClick={() => onPageChange(page + 1)}>
          Next ›
        </button>
      </span>
    </nav>
  );
}
