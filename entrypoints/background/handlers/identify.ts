import type { Handlers } from '@/utils/messages/router';
import { identifyContext } from '@/utils/identify/context';
import { identifyVisitor } from '@/utils/identify/service';
import { manualSearchSosl, searchCandidates } from '@/utils/identify/search';
import { planDefaults } from '@/utils/plan/prepare';
import { overBudget } from '@/utils/salesforce/budget';
import { SalesforceError } from '@/utils/salesforce/errors';
import { describeFailure, NOT_CONNECTED } from '../failure';
import type { Services } from '../services';

/** Who the visitor is: the automatic identification of a chat, and the agent's own search. */
export function identifyHandlers(s: Services): Pick<Handlers, 'identify.run' | 'salesforce.search'> {
  return {
    'identify.run': async ({ snapshot, force }) => {
      // The agent is waiting: read the session and the settings at once.
      const [client, { settings }, grant] = await Promise.all([s.client(), s.settings(), s.grant()]);
      if (!client) return { state: 'error', kind: 'not_connected', message: NOT_CONNECTED };
      // The automatic lookup can wait for tomorrow; the agent's own "Look again" cannot.
      const percent = settings.general.apiBudgetPercent;
      if (!force && (await overBudget(client.session.instanceUrl, percent))) {
        return { state: 'error', kind: 'over_budget', message: `This extension used its share (${percent}%) of your org's daily Salesforce API requests, so visitors are no longer looked up on their own today. "Try again" looks this one up; writes still go.` };
      }
      try {
        const { display, read, isPhone } = await identifyContext(s.metadata, client, settings.mapping);
        const result = await identifyVisitor(client, snapshot, settings.identification, s.cache, { force, display: read, isPhone, region: planDefaults(settings, grant?.orgRegion).region });
        const found = result.contacts.length + result.leads.length + result.accounts.length > 0;
        return { state: found ? 'found' : 'not_found', instanceUrl: client.session.instanceUrl, fields: display, ...result };
      } catch (error) {
        if (error instanceof SalesforceError && error.code === 'INVALID_FIELD') await s.metadata.invalidate(client.session.instanceUrl);
        return { state: 'error', ...describeFailure(error, 'the search') };
      }
    },
    'salesforce.search': async ({ text }) => {
      const client = await s.client();
      if (!client) return { state: 'error', message: NOT_CONNECTED };
      try {
        const { settings } = await s.settings();
        const { display } = await identifyContext(s.metadata, client, settings.mapping);
        const sosl = manualSearchSosl(text, display);
        const records = sosl ? await client.search(sosl) : [];
        return { state: 'results', instanceUrl: client.session.instanceUrl, fields: display, records: searchCandidates(records as never, display) };
      } catch (error) {
        return { state: 'error', message: describeFailure(error, 'the search').message };
      }
    },
  };
}
