import { EXTERNAL_LINK_HOSTS } from './externalLinkAllowList';

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** An IP literal as the URL parser leaves it (it normalises 0x7f.1, 2130706433, ... to dotted IPv4). */
export function isIpLiteral(hostname: string): boolean {
  return IPV4.test(hostname) || (hostname.startsWith('[') && hostname.endsWith(']'));
}

/** Whether an allow-list entry is well formed (see externalLinkAllowList.ts). */
export function isValidHostRule(rule: string): boolean {
  if (isIpLiteral(rule)) {
    try {
      return new URL(`https://${rule}/`).hostname === rule;
    } catch {
      return false;
    }
  }
  const host = rule.startsWith('*.') ? rule.slice(2) : rule;
  return HOSTNAME.test(host);
}

/**
 * Whether a link may be opened in the user's browser: a parsed URL, https only, no credentials, no explicit port,
 * and a host on the allow-list (exact, or a listed `*.` subdomain rule; IP literals only when listed exactly).
 */
export function isAllowedExternalUrl(url: string, allow: readonly string[] = EXTERNAL_LINK_HOSTS): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' || u.username !== '' || u.password !== '' || u.port !== '') return false;
  const host = u.hostname;
  if (!host) return false;
  if (isIpLiteral(host)) return allow.includes(host);
  for (const rule of allow) {
    if (!isValidHostRule(rule)) continue;
    if (rule.startsWith('*.')) {
      const parent = rule.slice(1); // ".help.example.com"
      if (host.endsWith(parent) && host.length > parent.length) return true;
    } else if (!isIpLiteral(rule) && host === rule) {
      return true;
    }
  }
  return false;
}
