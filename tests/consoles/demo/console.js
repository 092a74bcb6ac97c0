// The demo agent console: a small, believable chat console. Everything is rendered with
// textContent, so hostile visitor data stays text. Tests and the demo drive it through
// window.demoConsole; a person can use it by hand with the buttons.
import { makeVisitor } from './visitors.js';

// Ids unique across page loads, as real consoles' are (the extension keys chat writes on them).
const LOAD = Math.random().toString(36).slice(2, 7);
const state = {
  chats: [], activeId: null, offline: [], next: 1, seed: 1,
  // The transfer dialog lists the agents online (not the one signed in) and the departments, as consoles do.
  transferAgents: ['Ben Backup', 'Carla Chen', 'Dev Patel'], departments: ['Sales', 'Support', 'Enterprise'], transfers: [],
};
const $ = (sel) => document.querySelector(sel);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (value !== undefined && value !== null) node.setAttribute(key, value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}
const time = (ms) => el('time', { datetime: new Date(ms).toISOString() }, new Date(ms).toLocaleTimeString());
const chat = (id) => state.chats.find((c) => c.id === id);

function renderList() {
  const list = $('.chat-list');
  list.replaceChildren(
    ...(state.chats.length
      ? state.chats.map((c) =>
          el('button', {
            type: 'button',
            class: `chat-tab${c.id === state.activeId ? ' is-active' : ''}${c.state === 'ended' ? ' is-ended' : ''}`,
            'data-chat-id': c.id,
            onclick: () => selectChat(c.id),
          }, c.visitor.name || 'Visitor'))
      : [el('p', { class: 'empty' }, 'No chats yet. Waiting for visitors…')]),
  );
}

function messageNode(m) {
  return el('li', { class: `msg msg--${m.author}`, 'data-author': m.author, 'data-message-id': m.id },
    el('span', { class: 'msg__meta' }, el('span', { class: 'msg__author' }, m.name), ' · ', time(m.time)),
    el('span', { class: 'msg__text' }, m.text));
}

function renderPane() {
  const pane = $('.chat-pane');
  const c = chat(state.activeId);
  if (!c) return pane.replaceChildren(el('p', { class: 'empty', style: 'padding:14px' }, 'Select a chat.'));
  pane.setAttribute('data-chat-id', c.id);
  const input = el('input', { placeholder: 'Type a reply…', 'aria-label': 'Reply' });
  // replaceChildren would print a null child as the text "null": leave the composer out instead.
  pane.replaceChildren(...[
    el('header', { class: 'chat-pane__head' },
      el('h1', { class: 'chat-title' }, c.visitor.name),
      el('span', { class: 'chat-state', 'data-state': c.state }, c.state === 'ended' ? 'Chat ended' : 'Active'),
      c.state === 'ended' ? null : el('button', { type: 'button', class: 'transfer-chat', onclick: () => openTransfer(c.id) }, 'Transfer'),
      c.state === 'ended' ? null : el('button', { type: 'button', class: 'end-chat', onclick: () => endChat(c.id) }, 'End chat')),
    el('ol', { class: 'transcript' }, ...c.messages.map(messageNode)),
    c.state === 'ended' ? null : el('form', { class: 'composer', onsubmit: (e) => { e.preventDefault(); if (input.value.trim()) { sendMessage(c.id, 'agent', input.value); input.value = ''; } } }, input, el('button', { type: 'submit' }, 'Send')),
  ].filter(Boolean));
}

function kv(cls, entries) {
  return el('dl', { class: `kv ${cls}` }, ...entries.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
}

function renderCard() {
  const card = $('.visitor-card');
  const c = chat(state.activeId);
  if (!c) return card.replaceChildren(el('p', { class: 'empty' }, 'No visitor selected.'));
  const v = c.visitor;
  card.setAttribute('data-chat-id', c.id);
  card.replaceChildren(
    el('h2', { class: 'visitor-name' }, v.name),
    kv('visitor-info', [
      ['Email', v.email ? el('a', { href: `mailto:${v.email}`, class: 'visitor-email' }, v.email) : '—'],
      ['Phone', v.phone ? el('a', { href: `tel:${v.phone}`, class: 'visitor-phone' }, v.phone) : '—'],
      ['Visits', String(v.visits)],
      ['Chats', String(v.chats)],
    ]),
    el('h3', {}, 'Pre-chat form'),
    kv('prechat', Object.entries(v.preChat)),
    el('h3', {}, 'Session'),
    kv('session', Object.entries(v.session)),
    el('h3', {}, 'Custom variables'),
    el('table', { class: 'custom-vars' }, el('tbody', {}, ...Object.entries(v.custom).map(([k, val]) => el('tr', {}, el('td', { class: 'var-name' }, k), el('td', { class: 'var-value' }, val))))),
  );
}

function renderOffline() {
  $('#offline-count').textContent = String(state.offline.length);
  $('.offline-list').replaceChildren(...state.offline.map((m) =>
    el('li', { class: 'offline-item', 'data-offline-id': m.id },
      el('strong', { class: 'offline-name' }, m.name), ' ',
      el('a', { class: 'offline-email', href: `mailto:${m.email}` }, m.email), ' ',
      el('span', { class: 'offline-phone' }, m.phone || ''), ' ', time(m.time),
      el('p', { class: 'offline-message' }, m.message))));
}

function render() { renderList(); renderPane(); renderCard(); renderOffline(); }

export function startChat(visitor = makeVisitor(state.next, state.seed)) {
  const id = `chat-${LOAD}-${String(state.next++).padStart(4, '0')}`;
  const now = Date.now();
  const c = { id, visitor, state: 'active', startedAt: now, messages: [] };
  state.chats.push(c);
  c.messages.push({ id: `${id}-m0`, author: 'system', name: 'System', text: `Chat started from ${visitor.session?.currentPage ?? 'the website'}`, time: now });
  if (visitor.firstMessage) c.messages.push({ id: `${id}-m1`, author: 'visitor', name: visitor.name, text: visitor.firstMessage, time: now });
  if (!state.activeId || chat(state.activeId)?.state === 'ended') state.activeId = id;
  render();
  return id;
}

export function sendMessage(id, author, text) {
  const c = chat(id);
  if (!c || c.state === 'ended') return;
  const m = { id: `${id}-m${c.messages.length}`, author, name: author === 'agent' ? $('.agent__name').textContent : c.visitor.name, text, time: Date.now() };
  c.messages.push(m);
  // Only the new message is added, as real consoles do; the rest of the pane stays.
  if (id === state.activeId) $('.transcript')?.append(messageNode(m));
}

export function endChat(id) {
  const c = chat(id);
  if (!c || c.state === 'ended') return;
  c.state = 'ended';
  c.endedAt = Date.now();
  c.messages.push({ id: `${id}-m${c.messages.length}`, author: 'system', name: 'System', text: 'Chat ended', time: c.endedAt });
  render();
}

/**
 * The console's transfer dialog: agents and departments as radio choices on two tabs, loaded a
 * moment after it opens (as LiveHelperChat loads its lists), confirmed with Transfer.
 */
function openTransfer(id) {
  const dialog = $('.transfer-dialog');
  dialog.dataset.chatId = id;
  dialog.hidden = false;
  showTransferTab('agents');
  for (const list of dialog.querySelectorAll('.transfer-list')) list.replaceChildren(el('p', { class: 'empty' }, 'Loading…'));
  setTimeout(() => {
    const choices = (names, group) => names.map((name, i) => el('label', { class: 'transfer-choice' }, el('input', { type: 'radio', name: group, value: name, ...(i === 0 ? { checked: '' } : {}) }), ' ', name));
    dialog.querySelector('.transfer-agents').replaceChildren(...choices(state.transferAgents, 'transfer-agent'));
    dialog.querySelector('.transfer-departments').replaceChildren(...choices(state.departments, 'transfer-department'));
  }, 150);
}
function showTransferTab(tab) {
  const dialog = $('.transfer-dialog');
  dialog.dataset.tab = tab;
  for (const button of dialog.querySelectorAll('[data-tab]')) button.classList.toggle('is-active', button.dataset.tab === tab);
  dialog.querySelector('.transfer-agents').hidden = tab !== 'agents';
  dialog.querySelector('.transfer-departments').hidden = tab !== 'departments';
}
function confirmTransfer() {
  const dialog = $('.transfer-dialog');
  const group = dialog.dataset.tab === 'agents' ? 'transfer-agent' : 'transfer-department';
  const to = dialog.querySelector(`input[name="${group}"]:checked`)?.value;
  const c = chat(dialog.dataset.chatId);
  if (!to || !c) return;
  state.transfers.push({ chatId: c.id, to, kind: dialog.dataset.tab === 'agents' ? 'agent' : 'department' });
  c.messages.push({ id: `${c.id}-m${c.messages.length}`, author: 'system', name: 'System', text: `Chat transferred to ${to}`, time: Date.now() });
  dialog.hidden = true;
  render();
}
export function setTransferAgents(names) { state.transferAgents = names; }

export function selectChat(id) { if (chat(id)) { state.activeId = id; render(); } }
export function closeChat(id) {
  state.chats = state.chats.filter((c) => c.id !== id);
  if (state.activeId === id) state.activeId = state.chats[0]?.id ?? null;
  render();
}
export function receiveOffline(message) {
  const v = makeVisitor(state.next, state.seed);
  const m = { id: `offline-${LOAD}-${String(state.next++).padStart(4, '0')}`, name: v.name, email: v.email, phone: v.phone, message: v.firstMessage, time: Date.now(), ...message };
  state.offline.push(m);
  renderOffline();
  return m.id;
}
export function setAgentState(value) { $('.agent__state').value = value; }
export function setSeed(seed) { state.seed = seed; }
/** Throws the whole UI away and draws it again with new nodes, as SPA frameworks do. */
export function rerender() { render(); }

function showView(view) {
  for (const tab of document.querySelectorAll('.view-tab')) tab.classList.toggle('is-active', tab.dataset.view === view);
  for (const panel of document.querySelectorAll('[data-view-panel]')) panel.hidden = panel.dataset.viewPanel !== view;
}

// ?profile asks the extension to time its work (npm run bench).
if (new URLSearchParams(location.search).has('profile')) document.documentElement.setAttribute('data-sf-panel-profile', '');

window.demoConsole = { startChat, sendMessage, endChat, selectChat, closeChat, receiveOffline, setAgentState, setSeed, setTransferAgents, rerender, makeVisitor, state };
for (const tab of document.querySelectorAll('.transfer-dialog [data-tab]')) tab.addEventListener('click', () => showTransferTab(tab.dataset.tab));
$('.transfer-dialog .transfer-confirm').addEventListener('click', confirmTransfer);
$('.transfer-dialog .transfer-cancel').addEventListener('click', () => { $('.transfer-dialog').hidden = true; });
for (const tab of document.querySelectorAll('.view-tab')) tab.addEventListener('click', () => showView(tab.dataset.view));
$('#simulate-chat').addEventListener('click', () => startChat());
$('#simulate-offline').addEventListener('click', () => receiveOffline({}));
render();
