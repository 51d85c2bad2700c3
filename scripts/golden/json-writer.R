# A minimal JSON writer with full double precision (sprintf("%.17g")), shared by the R reference scripts:
# jsonlite rounds numbers unless told otherwise, and a fixture must carry every digit the reference computed.
# Lists with names become objects, without names arrays; arr() forces an array for a length-1 vector.

num <- function(x) {
  if (any(!is.finite(x))) stop("non-finite number in output")
  sprintf("%.17g", x)
}
to_json <- function(x) {
  if (is.null(x)) return("null")
  if (is.list(x)) {
    nm <- names(x)
    parts <- vapply(seq_along(x), function(i) to_json(x[[i]]), "")
    if (is.null(nm)) return(paste0("[", paste(parts, collapse = ","), "]"))
    return(paste0("{", paste0(vapply(nm, function(k) toJSON(k, auto_unbox = TRUE), ""), ":", parts,
                              collapse = ","), "}"))
  }
  if (is.character(x)) {
    s <- vapply(x, function(v) as.character(toJSON(v, auto_unbox = TRUE)), "")
    return(if (length(x) == 1 && is.null(attr(x, "array"))) s else paste0("[", paste(s, collapse = ","), "]"))
  }
  if (is.logical(x)) {
    s <- ifelse(x, "true", "false")
    return(if (length(x) == 1 && is.null(attr(x, "array"))) s else paste0("[", paste(s, collapse = ","), "]"))
  }
  s <- num(as.numeric(x))
  if (length(x) == 1 && is.null(attr(x, "array"))) s else paste0("[", paste(s, collapse = ","), "]")
}
arr <- function(x) { attr(x, "array") <- TRUE; x }   # force a JSON array even for length 1
