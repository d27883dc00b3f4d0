import { Link } from "react-router";

/** The way up from a record to its list, above the page heading. */
export function BackLink({ to, children }: { to: string; children: string }) {
  return (
    <Link to={to} className="vendor-back-link">
      <span aria-hidden="true">‹ </span>
      {children}
    </Link>
  );
}
