/**
 * CONFIGURATION: the only hosts whose links the app hands to the user's browser (shell.openExternal); every other
 * link is dropped. Deployments put their platform's help-centre hosts here (and nothing else).
 *
 *   'help.example.com'    that host exactly
 *   '*.help.example.com'  any subdomain of it (one or more labels), not the host itself
 *   '203.0.113.7'         an IP literal matches only when listed exactly like this (IPv6 as '[2001:db8::1]')
 *
 * Lowercase ASCII (punycode for IDNs), no scheme, port or path; tests/unit/electron-links.test.ts checks each rule.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = ['help.example-platform.com', '*.help.example-platform.com'];
