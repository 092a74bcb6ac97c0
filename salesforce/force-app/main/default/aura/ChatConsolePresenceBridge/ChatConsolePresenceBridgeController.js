({
    start: function (component, event, helper) {
        var toolkit = component.find('omniToolkit');
        var bridge = window.ChatConsolePresenceBridge.start({
            window: window,
            toolkit: toolkit,
            statuses: function () { return helper.statuses(component); }
        });
        component.set('v.bridge', bridge);
    },
    onStatusChanged: function (component, event) {
        var bridge = component.get('v.bridge');
        if (bridge) bridge.statusChanged({
            statusId: event.getParam('statusId'),
            statusApiName: event.getParam('statusApiName'),
            statusName: event.getParam('statusName'),
            reason: event.getParam('reason')
        });
    },
    onLoginSuccess: function (component) {
        var bridge = component.get('v.bridge');
        if (bridge) bridge.loginSucceeded();
    },
    onLogout: function (component) {
        var bridge = component.get('v.bridge');
        if (bridge) bridge.loggedOut();
    },
    onWorkAccepted: function (component) {
        var bridge = component.get('v.bridge');
        if (bridge) bridge.workAccepted();
    },
    onWorkClosed: function (component) {
        var bridge = component.get('v.bridge');
        if (bridge) bridge.workClosed();
    }
})
