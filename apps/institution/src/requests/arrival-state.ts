import { KEEP_FOCUS_STATE } from "@sos/web";
import { useEffect, useState } from "react";
import { useLocation, useNavigate } from "react-router";

/**
 * What the previous page passed in the navigation's state for this page to say
 * once (a save, a deletion): read on arrival, then taken out of the history
 * entry, so a reload or the back button does not say it a second time.
 */
export function useArrivalState<T>(parse: (state: unknown) => T | null): T | null {
  const location = useLocation();
  const navigate = useNavigate();
  const [arrived] = useState(() => parse(location.state));
  useEffect(() => {
    if (parse(location.state) !== null) {
      void navigate(".", { replace: true, state: KEEP_FOCUS_STATE, preventScrollReset: true });
    }
  }, [location.state, navigate, parse]);
  return arrived;
}
