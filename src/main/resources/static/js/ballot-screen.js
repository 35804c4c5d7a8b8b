// The ballot's count on a projector: asks the server every three seconds, shows "已投 n / m".
(function () {
  var url = document.body.getAttribute('data-count-url');
  var count = document.getElementById('count');
  var state = document.getElementById('state');
  function refresh() {
    fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (body) {
        if (!body) { return; }
        count.textContent = body.status === 'NONE' ? '尚未开启' : '已投 ' + body.cast + ' / ' + body.issued;
        state.textContent = body.statusLabel;
      })
      .catch(function () { /* the next round tries again */ });
  }
  setInterval(refresh, 3000);
})();
