import { i18n } from '#i18n';
import type { Handlers } from '@/utils/messages/router';
import { identifyContext } from '@/utils/identify/context';
import { identifyVisitor } from '@/utils/identify/service';
import { manualSearchSosl, searchCandidates } from '@/utils/identify/search';
import { planDefaults } from '@/utils/plan/prepare';
import { overBudget } from '@/utils/salesforce/budget';
import { SalesforceError } from '@/utils/salesforce/errors';
import { describeFailure, notConnected } from '../failure';
import type { Services } from '../services';

/** Who the visitor is: the automatic identification of a chat, and the agent's own search. */
export function identifyHandlers(s: Services): Pick<Handlers, 'identify.run' | 'salesforce.search'> {
  return {
    'identify.run': async ({ snapshot, force }) => {
      // The agent is waiting: read the session and the settings at once.
      const [client, { settings }, grant] = await Promise.all([s.client(), s.settings(), s.grant()]);
      if (!client) return { state: 'error', kind: 'not_connected', message: notConnected() };
      // The automatic lookup can wait for tomorrow; the agent's own "Look again" cannot.
      const percent = settings.general.apiBudgetPercent;
      if (!force && (await overBudget(client.session.instanceUrl, percent))) {
        return { state: 'error', kind: 'over_budget', message: i18n.t('failure.overBudget', { percent }) };
      }
      try {
        const { display, read, isPhone } = await identifyContext(s.metadata, client, settings);
        const result = await identifyVisitor(client, snapshot, settings.identification, s.cache, { force, display: read, isPhone, region: planDefaults(settings, grant?.orgRegion).region });
        const found = result.contacts.length + result.leads.length + result.accounts.length > 0;
        return { state: found ? 'found' : 'not_found', instanceUrl: client.session.instanceUrl, fields: display, ...result };
      } catch (error) {
        if (error instanceof SalesforceError && error.code === 'INVALID_FIELD') await s.metadata.invalidate(client.session.instanceUrl);
        return { state: 'error', ...describeFailure(error, 'search') };
      }
    },
    'salesforce.search': async ({ text }) => {
      const client = await s.client();
      if (!client) return { state: 'error', message: notConnected() };
      try {
        const { settings } = await s.settings();
        // Read as identification reads: a record picked by hand has its owner and what routing rules look at too.
        const { display, read } = await identifyContext(s.metadata, client, settings);
        const sosl = manualSearchSosl(text, read);
        const records = sosl ? await client.search(sosl) : [];
        return { state: 'results', instanceUrl: client.session.instanceUrl, fields: display, records: searchCandidates(records as never, read) };
      } catch (error) {
        return { state: 'error', message: describeFailure(error, 'search').message };
      }
    },
  };
}
