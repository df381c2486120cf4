/**
 * GOV.UK Frontend Pagination (`govukPagination` macro, govuk-frontend 6.6.0), the "previous and next only"
 * form (block level, as the macro makes it without page numbers), which is what keyset pages have.
 */
export interface PaginationProps {
  previous?: { href: string } | null;
  next?: { href: string } | null;
  landmarkLabel?: string;
}

export function Pagination({ previous, next, landmarkLabel = "Pagination" }: PaginationProps) {
  if (!previous && !next) return null;
  return (
    <nav className="govuk-pagination govuk-pagination--block" aria-label={landmarkLabel}>
      {previous ? (
        <div className="govuk-pagination__prev">
          <a className="govuk-link govuk-pagination__link" href={previous.href} rel="prev">
            <svg className="govuk-pagination__icon govuk-pagination__icon--prev" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
              <path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z"></path>
            </svg>
            <span className="govuk-pagination__link-title govuk-pagination__link-title--decorated">
              Previous<span className="govuk-visually-hidden"> page</span>
            </span>
          </a>
        </div>
      ) : null}
      {next ? (
        <div className="govuk-pagination__next">
          <a className="govuk-link govuk-pagination__link" href={next.href} rel="next">
            <svg className="govuk-pagination__icon govuk-pagination__icon--next" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
              <path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z"></path>
            </svg>
            <span className="govuk-pagination__link-title govuk-pagination__link-title--decorated">
              Next<span className="govuk-visually-hidden"> page</span>
            </span>
          </a>
        </div>
      ) : null}
    </nav>
  );
}
