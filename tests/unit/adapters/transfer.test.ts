// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { query } from '@/utils/adapters/dom';
import { nameMatch, transferChat } from '@/utils/adapters/transfer';
import { builtIn, loadFixture } from './fixtures';

const lhc = builtIn('livehelperchat');

describe('nameMatch: a choice names the target exactly (2), by its name followed by more (1), or not (0)', () => {
  it.each([
    ['Oscar Operator', 'Oscar Operator', 2],
    ['  oscar   OPERATOR ', 'Oscar Operator', 2],
    ['José Núñez', 'Jose Nunez', 2],
    ['Oscar Operator | oscar', 'Oscar Operator', 1],
    ['Support [current]', 'Support', 1],
    ['Ann Leeds', 'Ann Lee', 0],
    ['Lee Ann', 'Ann Lee', 0],
    ['Mary Ann Lee', 'Ann Lee', 0],
    ['Inside Sales', 'Sales', 0],
    ['', 'Oscar Operator', 0],
  ])('%j for %j: %s', (text, name, expected) => {
    expect(nameMatch(text, { kind: 'agent', name })).toBe(expected);
  });
});

/**
 * LiveHelperChat's dialog as its templates render it (lhchat/transferchat.tpl.php, and the lists
 * transferchatrefilter returns): the open chat's "Transfer chat" link (its onclick, which the
 * captures strip, loads the dialog), the operators loaded after the dialog shows, the first one
 * checked, each tab with its Transfer button; a transfer hides the dialog (hideTransferModal).
 */
function lhcDialog({ operators = ['Ben Backup', 'Oscar Operator'], departments = ['Support [current]', 'Sales'], closes = true } = {}) {
  const posted: { type: string; id: string | undefined }[] = [];
  const chatId = '14';
  const link = [...document.querySelectorAll(`#chat-id-${chatId} a`)].find((a) => a.textContent?.includes('Transfer chat'))!;
  link.setAttribute('onclick', `lhc.revealModal({'url':WWW_DIR_JAVASCRIPT +'chat/transferchat/${chatId}'})`);
  link.addEventListener('click', () => setTimeout(() => {
    const modal = document.createElement('div');
    modal.id = 'myModal';
    modal.className = 'modal show';
    modal.innerHTML = `<div id="transfer-block-${chatId}"></div><ul class="nav nav-tabs" role="tablist">
      <li class="nav-item"><a class="active nav-link" href="#transferusermodal" role="tab">Transfer to a user</a></li>
      <li class="nav-item"><a class="nav-link" href="#transferdepmodal" role="tab">Transfer to a department</a></li></ul>
      <div class="tab-content"><div role="tabpanel" class="tab-pane active" id="transferusermodal"><div class="mx550" id="transfer-chat-listuserrefilter">...</div>
      <input type="button" class="transfer-action-button btn btn-secondary" value="Transfer"></div>
      <div role="tabpanel" class="tab-pane" id="transferdepmodal" style="display:none"><div id="transfer-chat-list-refilter" class="mx550">...</div>
      <input type="button" class="transfer-action-button btn btn-secondary" value="Transfer"></div></div>`;
    document.body.append(modal);
    const [userTab, depTab] = modal.querySelectorAll<HTMLElement>('a[role=tab]');
    const users = modal.querySelector<HTMLElement>('#transferusermodal')!;
    const deps = modal.querySelector<HTMLElement>('#transferdepmodal')!;
    userTab!.addEventListener('click', () => ((users.style.display = ''), (deps.style.display = 'none')));
    depTab!.addEventListener('click', () => ((deps.style.display = ''), (users.style.display = 'none')));
    const [toUser, toDep] = modal.querySelectorAll<HTMLElement>('.transfer-action-button');
    const post = (type: string, name: string) => {
      posted.push({ type, id: modal.querySelector<HTMLInputElement>(`[name=${name}]:checked`)?.value });
      if (closes) modal.style.display = 'none';
    };
    toUser!.addEventListener('click', () => post('user', `TransferTo${chatId}`));
    toDep!.addEventListener('click', () => post('dep', `DepartamentID${chatId}`));
    // The lists come by a second request each, a moment later.
    setTimeout(() => {
      modal.querySelector('#transfer-chat-listuserrefilter')!.innerHTML = operators.map((name, i) => `<label><input type="radio" name="TransferTo${chatId}" value="${i + 2}" ${i === 0 ? 'checked="checked"' : ''}>&nbsp;${name}</label><br/>`).join('');
      modal.querySelector('#transfer-chat-list-refilter')!.innerHTML = departments.map((name, i) => `<div class="checkbox"><label><input type="radio" name="DepartamentID${chatId}" value="${i + 1}"/>&nbsp; ${name}</label></div>`).join('');
    }, 30);
  }, 10));
  return posted;
}

const pane = () => query(document, lhc.pane.root);

describe('transferChat on LiveHelperChat (its captured chat, its dialog as its templates render it)', () => {
  beforeEach(() => loadFixture('livehelperchat', 'captures/dashboard-chat-open.html'));

  it('picks the operator named like the owner (not the one checked first) and confirms: done when the dialog closes', async () => {
    const posted = lhcDialog();
    expect(await transferChat(lhc, document, pane(), { kind: 'agent', name: 'Oscar Operator' }, 1000)).toBe('done');
    expect(posted).toEqual([{ type: 'user', id: '3' }]);
  });

  it('a department, on its own tab', async () => {
    const posted = lhcDialog();
    expect(await transferChat(lhc, document, pane(), { kind: 'department', name: 'Support' }, 1000)).toBe('done');
    expect(posted).toEqual([{ type: 'dep', id: '1' }]);
  });

  it('nobody by that name: nothing is confirmed (the operator checked first is not taken), the dialog stays open', async () => {
    const posted = lhcDialog();
    expect(await transferChat(lhc, document, pane(), { kind: 'agent', name: 'Carla Chen' }, 1000)).toBe('not-listed');
    expect(posted).toEqual([]);
    expect(document.querySelector<HTMLElement>('#myModal')!.style.display).toBe('');
  });

  it('exactly the name wins over the name followed by more: "Sales" is not "Sales Europe"', async () => {
    const posted = lhcDialog({ departments: ['Sales Europe', 'Sales', 'Inside Sales'] });
    expect(await transferChat(lhc, document, pane(), { kind: 'department', name: 'Sales' }, 1000)).toBe('done');
    expect(posted).toEqual([{ type: 'dep', id: '2' }]);
  });

  it("another chat's transfer control (a hidden tab's) is never used for the shown chat", async () => {
    lhcDialog();
    // The shown pane has none; the page has one, in a hidden pane.
    const link = [...document.querySelectorAll('#chat-id-14 a')].find((a) => a.textContent?.includes('Transfer chat'))!;
    const hidden = document.createElement('div');
    hidden.style.display = 'none';
    hidden.append(link.cloneNode(true));
    document.body.append(hidden);
    link.remove();
    expect(await transferChat(lhc, document, pane(), { kind: 'agent', name: 'Oscar Operator' }, 300)).toBe('no-control');
  });

  it('two by that name: nothing is confirmed', async () => {
    const posted = lhcDialog({ operators: ['Oscar Operator | day shift', 'Oscar Operator | night shift'] });
    expect(await transferChat(lhc, document, pane(), { kind: 'agent', name: 'Oscar Operator' }, 1000)).toBe('ambiguous');
    expect(posted).toEqual([]);
  });

  it('a console that does not close its dialog after the click: unconfirmed', async () => {
    lhcDialog({ closes: false });
    expect(await transferChat(lhc, document, pane(), { kind: 'agent', name: 'Oscar Operator' }, 300)).toBe('unconfirmed');
  });

  it('no transfer control on the page (an operator without the right): no-control, nothing clicked', async () => {
    expect(await transferChat(lhc, document, pane(), { kind: 'agent', name: 'Oscar Operator' }, 300)).toBe('no-control');
  });

  it('a dialog that never lists anyone: no-control after the wait', async () => {
    lhcDialog({ operators: [] });
    expect(await transferChat(lhc, document, pane(), { kind: 'agent', name: 'Oscar Operator' }, 300)).toBe('no-control');
  });

  it('an adapter without a department list cannot transfer to one', async () => {
    lhcDialog();
    const agentsOnly = { ...lhc, transfer: { ...lhc.transfer!, department: undefined } };
    expect(await transferChat(agentsOnly, document, pane(), { kind: 'department', name: 'Support' }, 300)).toBe('no-control');
  });
});
