// The workbench's little script: copy a link, drop a file, check a rule file as it is typed.
// Every page works without it: forms post, links open.
(function () {
  "use strict";

  function csrfHeaders() {
    var token = document.querySelector('meta[name="csrf-token"]');
    var header = document.querySelector('meta[name="csrf-header"]');
    var headers = { "Content-Type": "application/x-www-form-urlencoded" };
    if (token && header) headers[header.content] = token.content;
    return headers;
  }

  function copyButtons() {
    document.querySelectorAll("button[data-copy]").forEach(function (button) {
      button.addEventListener("click", function () {
        var input = document.getElementById(button.dataset.copy);
        var status = button.parentElement.querySelector(".copied");
        input.select();
        var done = function () { if (status) status.textContent = "Copied"; };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(input.value).then(done, function () { document.execCommand("copy"); done(); });
        } else {
          document.execCommand("copy");
          done();
        }
      });
    });
  }

  function dropZone() {
    var drop = document.getElementById("drop");
    var input = document.getElementById("file");
    if (!drop || !input) return;
    var chosen = drop.querySelector(".chosen");
    var show = function () { chosen.textContent = input.files.length ? "Chosen: " + input.files[0].name : ""; };
    input.addEventListener("change", show);
    ["dragenter", "dragover"].forEach(function (name) {
      drop.addEventListener(name, function (event) { event.preventDefault(); drop.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (name) {
      drop.addEventListener(name, function () { drop.classList.remove("over"); });
    });
    drop.addEventListener("drop", function (event) {
      event.preventDefault();
      if (event.dataTransfer && event.dataTransfer.files.length) {
        input.files = event.dataTransfer.files;
        show();
      }
    });
  }

  function editor() {
    var form = document.getElementById("editor-form");
    var text = document.getElementById("content");
    if (!form || !text) return;
    var gutter = form.querySelector(".gutter");
    var status = document.getElementById("check-status");
    var list = document.getElementById("check-problems");
    var badLines = {};
    var drawGutter = function () {
      var count = text.value.split("\n").length;
      var html = [];
      for (var i = 1; i <= count; i++) {
        html.push(badLines[i] ? '<span class="bad" title="' + badLines[i].replace(/"/g, "&quot;") + '">' + i + "</span>"
                              : i + "\n");
      }
      gutter.innerHTML = html.join("");
      gutter.scrollTop = text.scrollTop;
    };
    var goTo = function (line) {
      var lines = text.value.split("\n");
      var at = 0;
      for (var i = 0; i < line - 1 && i < lines.length; i++) at += lines[i].length + 1;
      text.focus();
      text.setSelectionRange(at, at + (lines[line - 1] || "").length);
      text.scrollTop = Math.max(0, (line - 5) * 20);
    };
    var show = function (result) {
      badLines = {};
      list.innerHTML = "";
      var name = form.getAttribute("action").split("/").pop();
      if (result.valid) {
        status.className = "check ok";
        status.textContent = "The server's checker finds no problem.";
      } else {
        status.className = "check bad";
        status.textContent = result.problems.length + " problem(s) found by the server's checker:";
        result.problems.forEach(function (problem) {
          var item = document.createElement("li");
          var here = problem.file === decodeURIComponent(name) && problem.line > 0;
          if (here) badLines[problem.line] = problem.message;
          var where = problem.file + ":" + problem.line;
          if (here) {
            var button = document.createElement("button");
            button.type = "button";
            button.textContent = where;
            button.addEventListener("click", function () { goTo(problem.line); });
            item.appendChild(button);
          } else {
            item.appendChild(document.createTextNode(where));
          }
          item.appendChild(document.createTextNode(": " + problem.message));
          list.appendChild(item);
        });
      }
      drawGutter();
    };
    var timer = null;
    var sent = 0;
    var check = function () {
      var url = form.dataset.check;
      if (!url) return;
      var mine = ++sent;
      status.className = "check";
      status.textContent = "Checking…";
      fetch(url, { method: "POST", headers: csrfHeaders(), credentials: "same-origin",
                   body: "content=" + encodeURIComponent(text.value) })
        .then(function (response) {
          if (!response.ok) throw new Error("the server answered " + response.status);
          return response.json();
        })
        .then(function (result) { if (mine === sent) show(result); })
        .catch(function (error) { if (mine === sent) { status.className = "check bad"; status.textContent = "Not checked: " + error.message; } });
    };
    text.addEventListener("input", function () {
      drawGutter();
      clearTimeout(timer);
      timer = setTimeout(check, 700);
    });
    text.addEventListener("scroll", function () { gutter.scrollTop = text.scrollTop; });
    text.addEventListener("keydown", function (event) {
      // Tab indents inside the editor; Escape then Tab leaves it, so the keyboard is never trapped.
      if (event.key === "Tab" && !event.shiftKey && !text.dataset.escaped) {
        event.preventDefault();
        var start = text.selectionStart;
        text.setRangeText("    ", start, text.selectionEnd, "end");
        text.dispatchEvent(new Event("input"));
      }
      if (event.key === "Escape") text.dataset.escaped = "1";
      else if (event.key !== "Tab") delete text.dataset.escaped;
    });
    drawGutter();
  }

  document.addEventListener("DOMContentLoaded", function () {
    copyButtons();
    dropZone();
    editor();
  });
})();
