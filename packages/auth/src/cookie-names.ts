/**
 * The name a cookie goes by. Over https it carries the `__Host-` prefix: the
 * browser then accepts it only when it is Secure, has Path=/ and no Domain, so
 * neither a sibling subdomain nor a plain-http page on a hostile network can
 * plant or overwrite it. Plain http (development, tests) cannot carry the prefix
 * (the browser would drop the cookie), so there the bare name is used. A server
 * reads only the name of its own mode: a bare-named cookie sent to an https
 * server may have been planted and is ignored.
 */
export function hostCookieName(name: string, secure: boolean): string {
  return secure ? `__Host-${name}` : name;
}
