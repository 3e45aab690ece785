/*
 * Facial recognition page: take the still with the webcam (progressive enhancement).
 *
 * Without JavaScript, without a camera, or outside a secure context the page is a plain form whose
 * file input `face_image` the user fills by choosing a photo. When the browser can use a camera, this
 * script builds, inside the element marked `data-camera`, a live preview with "Start camera" and
 * "Take photo" buttons; the still is put into that same file input, so the server sees exactly what
 * it sees without JavaScript.
 *
 * Markup it expects (templates own it):
 *   <form method="post" enctype="multipart/form-data"> ...
 *     <input type="file" name="face_image" id="face_image" accept="image/jpeg,image/png">
 *     <div data-camera data-text-start="…" …></div>
 *     <button>Verify</button>
 *   </form>
 *   <script src="/js/face.js" defer></script>
 * The data-text-* attributes on the [data-camera] element carry the words from the page's message
 * catalogue (templates/messages/); the English below is only the fallback: data-text-start, data-text-take, data-text-retake, data-text-preview,
 * data-text-still, data-text-ready, data-text-on, data-text-taken, data-text-denied, data-text-none,
 * data-text-failed, data-text-starting.
 *
 * CSP needs: script-src 'self' (this file), img-src 'self' blob: (the still's preview is a blob: URL).
 * The live preview uses video.srcObject, which CSP does not govern, so no media-src is needed.
 */
(function () {
  "use strict";

  var container = document.querySelector("[data-camera]");
  if (!container) {
    return;
  }
  if (!window.isSecureContext || !navigator.mediaDevices ||
      typeof navigator.mediaDevices.getUserMedia !== "function") {
    return;
  }
  var form = container.closest("form") || document.querySelector("form");
  var input = form && form.querySelector('input[name="face_image"]');
  if (!input || typeof HTMLCanvasElement.prototype.toBlob !== "function") {
    return;
  }
  // Filling a file input from script needs DataTransfer; older browsers keep the plain file input.
  try {
    new DataTransfer();
  } catch (e) {
    return;
  }

  var data = container.dataset;
  var text = {
    start: data.textStart || "Start camera",
    take: data.textTake || "Take photo",
    retake: data.textRetake || "Take photo again",
    preview: data.textPreview || "Camera preview",
    still: data.textStill || "The photo you took",
    ready: data.textReady || "You can use your camera to take the photo, or choose a photo file.",
    starting: data.textStarting || "Starting the camera…",
    on: data.textOn || "The camera is on. Look at the camera, then choose Take photo.",
    taken: data.textTaken || "Photo taken. Choose Verify to continue, or take the photo again.",
    denied: data.textDenied || "Camera access was not allowed. Choose a photo file instead.",
    none: data.textNone || "No camera was found. Choose a photo file instead.",
    failed: data.textFailed || "The camera could not be started. Choose a photo file instead."
  };

  var stream = null;
  var stillUrl = null;
  var settingFromCamera = false;

  function el(tag, attrs) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") {
        node.textContent = attrs[name];
      } else {
        node.setAttribute(name, attrs[name]);
      }
    });
    return node;
  }

  var status = el("p", { "class": "camera__status", "role": "status", "aria-live": "polite" });
  var video = el("video", {
    "class": "camera__video", "playsinline": "", "muted": "", "autoplay": "",
    "aria-label": text.preview, "hidden": ""
  });
  video.muted = true;
  var buttons = el("div", { "class": "button-group" });
  var startButton = el("button", { "type": "button", "class": "button button--secondary", "text": text.start });
  var takeButton = el("button", { "type": "button", "class": "button button--secondary", "text": text.take, "disabled": "" });
  var still = el("img", { "class": "camera__still", "alt": text.still, "hidden": "" });
  buttons.appendChild(startButton);
  buttons.appendChild(takeButton);

  container.classList.add("camera");
  container.appendChild(status);
  container.appendChild(video);
  container.appendChild(buttons);
  container.appendChild(still);
  container.hidden = false;

  function announce(message) {
    // Clearing first makes screen readers announce a message even when it repeats.
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  function stopCamera() {
    if (stream) {
      stream.getTracks().forEach(function (track) { track.stop(); });
      stream = null;
    }
    video.srcObject = null;
    video.hidden = true;
    takeButton.disabled = true;
    startButton.hidden = false;
  }

  function showStill(blob) {
    if (stillUrl) {
      URL.revokeObjectURL(stillUrl);
    }
    stillUrl = URL.createObjectURL(blob);
    still.src = stillUrl;
    still.hidden = false;
  }

  function failureMessage(error) {
    var name = error && error.name;
    if (name === "NotAllowedError" || name === "SecurityError") {
      return text.denied;
    }
    if (name === "NotFoundError" || name === "OverconstrainedError") {
      return text.none;
    }
    return text.failed;
  }

  startButton.addEventListener("click", function () {
    startButton.disabled = true;
    announce(text.starting);
    navigator.mediaDevices.getUserMedia({
      video: { facingMode: "user", width: { ideal: 640 }, height: { ideal: 480 } },
      audio: false
    }).then(function (mediaStream) {
      stream = mediaStream;
      video.srcObject = mediaStream;
      video.hidden = false;
      var playing = video.play();
      return playing && typeof playing.then === "function" ? playing : null;
    }).then(function () {
      startButton.disabled = false;
      startButton.hidden = true;
      takeButton.disabled = false;
      takeButton.focus();
      announce(text.on);
    }).catch(function (error) {
      stopCamera();
      startButton.disabled = false;
      announce(failureMessage(error));
      input.focus();
    });
  });

  takeButton.addEventListener("click", function () {
    if (!stream || !video.videoWidth) {
      announce(text.failed);
      return;
    }
    var canvas = document.createElement("canvas");
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext("2d").drawImage(video, 0, 0, canvas.width, canvas.height);
    canvas.toBlob(function (blob) {
      if (!blob) {
        announce(text.failed);
        return;
      }
      var file = new File([blob], "face.jpg", { type: "image/jpeg", lastModified: Date.now() });
      var transfer = new DataTransfer();
      transfer.items.add(file);
      settingFromCamera = true;
      input.files = transfer.files;
      input.dispatchEvent(new Event("change", { bubbles: true }));
      settingFromCamera = false;
      showStill(blob);
      takeButton.textContent = text.retake;
      announce(text.taken);
    }, "image/jpeg", 0.9);
  });

  // A photo chosen as a file gets the same preview, so both paths look alike.
  input.addEventListener("change", function () {
    if (settingFromCamera) {
      return;
    }
    var file = input.files && input.files[0];
    if (file && /^image\/(jpeg|png)$/.test(file.type)) {
      showStill(file);
    } else {
      still.hidden = true;
    }
  });

  // The camera light goes off as soon as the photo is sent or the page is left.
  form.addEventListener("submit", stopCamera);
  window.addEventListener("pagehide", function () {
    stopCamera();
    if (stillUrl) {
      URL.revokeObjectURL(stillUrl);
      stillUrl = null;
    }
  });

  announce(text.ready);
}());
