// Type-ahead for fields marked data-suggest-url: the names the archive knows, offered in the
// field's <datalist> as the reader types. Without this script the field still works: it is a
// plain text search on the server.
(function () {
  "use strict";
  var fields = document.querySelectorAll("input[data-suggest-url][list]");
  Array.prototype.forEach.call(fields, function (field) {
    var list = document.getElementById(field.getAttribute("list"));
    var timer = null;
    var asked = "";
    if (!list) { return; }
    field.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var words = field.value.trim();
        if (words.length < 3 || words === asked) { return; }
        asked = words;
        fetch(field.dataset.suggestUrl + "?q=" + encodeURIComponent(words), {
          headers: { "Accept": "application/json" }
        }).then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        }).then(function (data) {
          list.textContent = "";
          (data.suggestions || []).forEach(function (name) {
            var option = document.createElement("option");
            option.value = name;
            list.appendChild(option);
          });
        }).catch(function () { /* no suggestions: the field still searches */ });
      }, 200);
    });
  });
}());
