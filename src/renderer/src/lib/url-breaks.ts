/**
 * Splits an address into pieces that end at a natural break: after `/`, `?`, `&`, `=`, `.` and
 * `-`, so a long URL wraps as `https://api.example.com/` + `v1/users/me/balance`, never mid-word.
 * The pieces joined are the address unchanged.
 */
export function urlBreakPieces(url: string): string[] {
  return url.match(/[^/?&=.-]*(?:[/?&=.-]+|$)/g)?.filter((piece) => piece !== '') ?? [url]
}
