/** Keys used to recognise the same person across files: e-mail, phone, profile URL, name, organization. */

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Digits only, without a leading international prefix, so `+33 6 12…` and `06 12…` compare equal. */
export function normalizePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 9 ? digits.slice(-9) : digits;
}

/** `https://www.linkedin.com/in/Jane-Doe/?trk=x` → `linkedin.com/in/jane-doe`. */
export function normalizeProfileUrl(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^(www\.|[a-z]{2}\.)(?=linkedin\.com)/, '')
    .replace(/^www\./, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');
}

/** Lower case, accents and punctuation removed, words sorted: "Dupont, Jean-Marc" = "jean marc dupont". */
export function normalizeName(name: string): string {
  return stripAccents(name)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .sort()
    .join(' ');
}

const ORG_SUFFIXES = /\b(inc|ltd|llc|sa|sas|sarl|gmbh|ag|corp|corporation|co|plc|bv|nv|spa|srl)\b/g;

export function normalizeOrg(org: string): string {
  return stripAccents(org).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').replace(ORG_SUFFIXES, ' ').replace(/\s+/g, ' ').trim();
}

export function stripAccents(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Edit distance bounded by `max` (returns max + 1 when further): names differ by a typo or an accent at most. */
export function withinDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return false;
    prev = cur;
  }
  return prev[b.length]! <= max;
}
