export const id = 851;
export const ids = [851];
export const modules = {

/***/ 9851:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   terminalProgress: () => (/* binding */ terminalProgress)
/* harmony export */ });
/** Control characters from file names would move the cursor: shown as `?`. */
const printable = (s) => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
function terminalProgress(stream) {
    if (!stream.isTTY)
        return {};
    let shown = false;
    const width = Math.max(20, (stream.columns ?? 100) - 1);
    return {
        progress: (stage) => {
            const text = [...`model-gate: ${printable(stage)} …`];
            const line = text.length > width ? `${text.slice(0, width - 1).join('')}…` : text.join('');
            stream.write(`\r\x1b[2K${line}`);
            shown = true;
        },
        progressDone: () => {
            if (shown)
                stream.write('\r\x1b[2K');
            shown = false;
        }
    };
}


/***/ })

};
