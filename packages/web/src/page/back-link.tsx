import { Link, type To } from "react-router";

/** The way up from a record to its list, above the page heading. */
export function BackLink({ to, children }: { to: To; children: string }) {
  return (
    <Link to={to} className="sos-web-back-link">
      <span aria-hidden="true">‹ </span>
      {children}
    </Link>
  );
}
