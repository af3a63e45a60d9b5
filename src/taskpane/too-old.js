/*
 * ES5 on purpose, loaded before office.js and the task pane: Office 2016 and 2019 may show the pane
 * in Internet Explorer 11 or in EdgeHTML (the old Edge), which cannot run the add-in. There, say so
 * in Japanese and English instead of leaving the pane empty, and mark the page so that the task
 * pane's script (if it runs at all) does not start. A file of its own: the CSP allows no inline script.
 */
(function () {
  var ua = navigator.userAgent || "";
  // IE11: "Trident/7.0"; EdgeHTML: "Edge/18.17763" (Chromium Edge says "Edg/", which runs the add-in).
  if (!/Trident\/|MSIE /.test(ua) && !/ Edge\/\d/.test(ua)) return;
  document.documentElement.setAttribute("data-too-old", "");

  var TEXT = [
    ["h1", "この Office では KPI評価シート を使えません"],
    ["p", "お使いの Office は作業ウィンドウを Internet Explorer 11 または旧 Edge（EdgeHTML）で表示しています。このアドインは Microsoft 365（Windows・Mac）、Office 2021、Office LTSC 2024、Excel on the web で動きます。Office の更新については組織の管理者にお問い合わせください。"],
    ["h1", "This version of Office cannot run KPI Sheets"],
    ["p", "Your Office shows task panes in Internet Explorer 11 or the old Edge (EdgeHTML). The add-in runs in Microsoft 365 (Windows, Mac), Office 2021, Office LTSC 2024 and Excel on the web. Ask your administrator about updating Office."]
  ];

  function show() {
    var body = document.body;
    while (body.firstChild) body.removeChild(body.firstChild);
    var box = document.createElement("div");
    box.setAttribute("role", "alert");
    box.setAttribute("data-testid", "too-old");
    box.style.fontFamily = "Meiryo, 'Yu Gothic', 'Segoe UI', sans-serif";
    box.style.padding = "12px";
    box.style.lineHeight = "1.6";
    for (var i = 0; i < TEXT.length; i++) {
      var el = document.createElement(TEXT[i][0]);
      el.appendChild(document.createTextNode(TEXT[i][1]));
      if (TEXT[i][0] === "h1") el.style.fontSize = "16px";
      box.appendChild(el);
    }
    body.appendChild(box);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
  else show();
})();
