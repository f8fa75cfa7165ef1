// Emporium's service worker: shows the push notifications the shop sends ({ title, body, url }) and opens the page a
// click names, focusing a tab already on it.
self.addEventListener("push", (event) => {
  const message = event.data ? event.data.json() : { title: "Emporium", body: "", url: "/" };
  event.waitUntil(self.registration.showNotification(message.title, { body: message.body, data: { url: message.url }, icon: "/favicon.ico" }));
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = new URL(event.notification.data?.url ?? "/", self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => w.url === url);
      return open ? open.focus() : self.clients.openWindow(url);
    }),
  );
});
