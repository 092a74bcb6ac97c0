/*
 * Chat Console Presence Bridge: Omni-Channel's presence, told to the "Salesforce for Chat Consoles"
 * browser extension and set by it, over window.postMessage on this Lightning page.
 *
 * Loaded by the ChatConsolePresenceBridge utility-bar component, which owns the Omni toolkit
 * (lightning:omniToolkitAPI) and Omni's events and hands them to start(). Plain script, no
 * framework: the e2e suite hosts this very file in a page that stands in for the Lightning console.
 *
 * Messages: { ns: 'sfcc-presence', from: 'bridge' | 'extension', type, secret, ... }, accepted only
 * from this page's origin. The extension's relay says hello with a secret of its own; the bridge
 * answers the latest hello's secret (a relay put in after an extension update takes over). Any
 * script of this page can read these messages: see the package's README for what that allows.
 */
(function (root) {
  'use strict';
  var NS = 'sfcc-presence';

  function start(options) {
    var win = options.window || root;
    var toolkit = options.toolkit;
    var secret = null;
    var statuses = [];

    function post(type, body) {
      var message = { ns: NS, from: 'bridge', type: type };
      if (secret) message.secret = secret;
      for (var key in body || {}) if (Object.prototype.hasOwnProperty.call(body, key)) message[key] = body[key];
      win.postMessage(message, win.location.origin);
    }

    function current() {
      return toolkit.getServicePresenceStatusId().then(function (result) {
        learn(result.statusApiName, result.statusId, result.statusName);
        post('status', { status: result.statusApiName, statusId: String(result.statusId).slice(0, 18) });
      }, function () {
        post('logout'); // not logged in to Omni-Channel
      });
    }

    /** Statuses learnt from Omni itself, when the list could not be read (no access to the Apex class). */
    function learn(apiName, id, label) {
      if (apiName && id && !statuses.some(function (s) { return s.apiName === apiName; })) statuses.push({ id: id, apiName: apiName, label: label || apiName });
    }

    function set(message) {
      if (message.status === null) return toolkit.logout();
      var known = statuses.filter(function (s) { return s.apiName === message.status; })[0];
      var statusId = (known && known.id) || message.statusId;
      // A status this user was not granted is refused by Salesforce too: said, not tried.
      if (!statusId) return Promise.reject(new Error('No presence status ' + message.status + ' for this user'));
      return toolkit.setServicePresenceStatus({ statusId: statusId });
    }

    function onMessage(event) {
      var data = event.data;
      // The origin, not the source's identity: Lightning's security layers may hand this script a wrapped window.
      if (event.origin !== win.location.origin) return;
      if (!data || data.ns !== NS || data.from !== 'extension' || typeof data.secret !== 'string') return;
      if (data.type === 'hello') {
        secret = data.secret;
        Promise.resolve(options.statuses ? options.statuses() : [])
          .then(function (list) {
            (list || []).forEach(function (s) { learn(s.apiName, s.id, s.label); });
            post('statuses', { statuses: statuses });
          }, function () { /* the mapping falls back to ids the extension knows */ })
          .then(current);
        return;
      }
      if (data.secret !== secret) return;
      if (data.type === 'set') {
        set(data).then(null, function (error) {
          post('error', { message: String((error && error.message) || error).slice(0, 300) });
          return current(); // the extension learns the status Omni kept
        });
      }
    }

    win.addEventListener('message', onMessage);
    post('ready');

    return {
      /** lightning:omniChannelStatusChanged */
      statusChanged: function (params) {
        learn(params.statusApiName, params.statusId, params.statusName);
        post('status', { status: params.statusApiName, statusId: String(params.statusId).slice(0, 18), reason: params.reason || 'OmniManualStatusChange' });
      },
      /** lightning:omniChannelLoginSuccess: the status it logged in with follows as a status change. */
      loginSucceeded: function () { return current(); },
      /** lightning:omniChannelLogout */
      loggedOut: function () { post('logout'); },
      /** lightning:omniChannelWorkAccepted */
      workAccepted: function () { post('workAccepted'); },
      /** lightning:omniChannelWorkClosed */
      workClosed: function () { post('workClosed'); },
      stop: function () { win.removeEventListener('message', onMessage); },
    };
  }

  root.ChatConsolePresenceBridge = { start: start };
})(typeof window !== 'undefined' ? window : this);
