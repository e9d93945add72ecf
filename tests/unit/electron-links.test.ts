import { describe, expect, it } from 'vitest';
import { EXTERNAL_LINK_HOSTS } from '../../electron/main/externalLinkAllowList';
import { isAllowedExternalUrl, isValidHostRule } from '../../electron/main/externalLinks';

describe('external links (shell.openExternal)', () => {
  it('the configured allow-list is small and every rule is well formed', () => {
    expect(EXTERNAL_LINK_HOSTS.length).toBeGreaterThan(0);
    for (const rule of EXTERNAL_LINK_HOSTS) expect(isValidHostRule(rule), rule).toBe(true);
    expect(isAllowedExternalUrl('https://help.example-platform.com/articles/42?lang=zh-CN#a')).toBe(true);
    expect(isAllowedExternalUrl('https://zh.help.example-platform.com/x')).toBe(true);
  });

  const allow = ['help.example.com', '*.docs.example.com', '203.0.113.7', '[2001:db8::1]'];

  it('opens https URLs on an exact host or a listed subdomain rule', () => {
    for (const good of [
      'https://help.example.com/',
      'https://help.example.com/a/b?q=1#x',
      'https://HELP.example.com/', // the URL parser lowercases hosts
      'https://help.example.com:443/', // the default port is dropped by the parser
      'https://a.docs.example.com/',
      'https://a.b.docs.example.com/',
      'https://203.0.113.7/',
      'https://[2001:db8::1]/',
    ]) {
      expect(isAllowedExternalUrl(good, allow), good).toBe(true);
    }
  });

  it('refuses other schemes, hosts, credentials, ports and unlisted IP literals', () => {
    for (const bad of [
      'http://help.example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'ms-settings:',
      'smb://help.example.com/share',
      'https',
      '',
      'https://evil.com/help.example.com',
      'https://help.example.com.evil.com/',
      'https://evilhelp.example.com/',
      'https://sub.help.example.com/', // exact rule: no subdomains
      'https://docs.example.com/', // subdomain rule: not the parent itself
      'https://xdocs.example.com/',
      'https://help.example.com./',
      'https://user:pw@help.example.com/',
      'https://user@help.example.com/',
      'https://help.example.com@evil.com/',
      'https://help.example.com:8443/',
      'https://127.0.0.1/',
      'https://2130706433/', // 127.0.0.1 in another spelling
      'https://203.0.113.8/',
      'https://0xcb.0.113.7/', // = 203.0.113.7, listed: allowed only through the parser's normal form (checked below)
      'https://[::1]/',
    ]) {
      if (bad === 'https://0xcb.0.113.7/') continue;
      expect(isAllowedExternalUrl(bad, allow), bad).toBe(false);
    }
    // An IP literal in another spelling is normalised by the parser and then compared exactly.
    expect(isAllowedExternalUrl('https://0xcb.0.113.7/', allow)).toBe(true);
    expect(isAllowedExternalUrl('https://0xcb.0.113.7/', ['help.example.com'])).toBe(false);
  });

  it('never lets a subdomain rule match an IP literal, and ignores malformed rules', () => {
    expect(isAllowedExternalUrl('https://1.2.3.4/', ['*.2.3.4'])).toBe(false);
    expect(isAllowedExternalUrl('https://anything.com/', ['*'])).toBe(false);
    expect(isAllowedExternalUrl('https://anything.com/', ['*.com '])).toBe(false);
    for (const rule of ['*', '*.com ', 'https://x.com', 'x.com/path', 'X.com', 'x.com:443', '*.*.x.com', '']) expect(isValidHostRule(rule), rule).toBe(false);
    for (const rule of ['x.com', '*.x.com', '10.0.0.1', '[::1]']) expect(isValidHostRule(rule), rule).toBe(true);
  });
});
