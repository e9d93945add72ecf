/**
 * A data request's outcome, shown in the header: a deletion removes the very card it was started from, so its
 * confirmation has to live somewhere that stays.
 */
export const DATA_NOTICE_EVENT = 'kefu:data-notice';

export function announceDataNotice(text: string) {
  window.dispatchEvent(new CustomEvent<string>(DATA_NOTICE_EVENT, { detail: text }));
}
