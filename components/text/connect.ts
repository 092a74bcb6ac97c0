import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { ConnectReason } from '@/utils/salesforce/connect-reasons';

/** This extension's OAuth callback URL (the one the connected app must list). */
export function callbackUrl(): string {
  try {
    return browser.identity.getRedirectURL('salesforce');
  } catch {
    return 'https://<extension-id>.chromiumapp.org/salesforce';
  }
}

/** What to do about a failed connection, in the reader's language: the fix, not Salesforce's error code. */
export function connectAdvice(reason: ConnectReason): string {
  switch (reason) {
    case 'window_closed': return i18n.t('connect.window_closed', { callback: callbackUrl() });
    case 'denied': return i18n.t('connect.denied');
    case 'unknown_client': return i18n.t('connect.unknown_client');
    case 'callback_mismatch': return i18n.t('connect.callback_mismatch', { callback: callbackUrl() });
    case 'secret_required': return i18n.t('connect.secret_required');
    case 'pkce': return i18n.t('connect.pkce');
    case 'no_refresh_token': return i18n.t('connect.no_refresh_token');
  }
}
