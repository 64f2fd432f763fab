## extra_lib.R -- helpers of generate_extra.R and stress.R: spec writing and case builders on top of
## ../r-fixtures/fixture_lib.R. Expects `out_dir` and `SCRIPT` to be set by the caller.

source(file.path("..", "r-fixtures", "fixture_lib.R"))
suppressPackageStartupMessages({ library(pROC); library(cmprsk) })

## ---------------------------------------------------------------- helpers
## summary table with any confidence level (fixture_lib's km_table assumes 0.95)
km_table_any <- function(sm) {
  tb <- sm$table
  if (is.null(dim(tb))) tb <- matrix(tb, nrow = 1, dimnames = list("all", names(tb)))
  lcl <- grep("LCL$", colnames(tb)); ucl <- grep("UCL$", colnames(tb))
  data.frame(strata = rownames(tb),
             records = tb[, "records"], n_max = tb[, "n.max"],
             n_start = tb[, "n.start"], events = tb[, "events"],
             rmean = tb[, "rmean"], se_rmean = tb[, "se(rmean)"],
             rmean_endtime = rep_len(sm$rmean.endtime, nrow(tb)),
             median = tb[, "median"], median_lower95 = tb[, lcl],
             median_upper95 = tb[, ucl], row.names = NULL, check.names = FALSE)
}
km_extract_any <- function(env) {
  list(conf_type = env$fit$conf.type, conf_int = env$fit$conf.int,
       curves = km_curves(env$fit), table = km_table_any(env$sm), quantiles = km_quantiles(env$q))
}

factors_of <- function(d) {
  f <- list()
  for (nm in names(d)) if (is.factor(d[[nm]])) f[[nm]] <- arr(levels(d[[nm]]))
  f
}

## a spec: common part + the analysis' keys (a named list); vectors meant as arrays wrapped in arr()
spec_of <- function(analysis, d, keys) {
  s <- list(analysis = analysis)
  if (!is.null(d)) {
    data <- d
    for (nm in names(data)) if (is.factor(data[[nm]])) data[[nm]] <- as.character(data[[nm]])
    rownames(data) <- NULL
    s$data <- data
    f <- factors_of(d)
    if (length(f)) s$factors <- f
  }
  c(s, keys)
}

write_spec <- function(id, case, spec) {
  f <- file.path(out_dir, "specs", paste0(id, "__", case, ".json"))
  txt <- to_json(spec)
  stopifnot(jsonlite::validate(txt))
  writeLines(txt, f, useBytes = TRUE)
}

## collects cases and specs of one fixture, then writes both
fixture <- function(id, analysis, source, prep, d, items, pkgs, descriptions = list()) {
  cases <- lapply(items, function(it) it$case)
  fx <- make_fixture(id, analysis, source, prep, d, cases, pkgs, SCRIPT, descriptions)
  write_fixture(fx, out_dir)
  for (it in items) write_spec(id, it$case$name, it$spec)
}
item <- function(case, spec) list(case = case, spec = spec)

PKG_SURV <- c("survival", "jsonlite")
PKG_CR <- c("survival", "cmprsk", "jsonlite")
PKG_ROC <- c("pROC", "jsonlite")
PKG_STATS <- c("stats", "jsonlite")

## KM case: fit, sm, q as in the public fixtures, any conf.int / probs
km_item <- function(name, d, rhs, group, conf = 0.95, probs = c(0.25, 0.5, 0.75), time = "time", event = "status") {
  code <- paste0("fit <- survfit(Surv(", time, ", ", event, ") ~ ", rhs, ", data = d",
                 if (conf != 0.95) paste0(", conf.int = ", conf), ")\n",
                 "sm <- summary(fit)\n",
                 "q <- quantile(fit, probs = c(", paste(probs, collapse = ", "), "))")
  keys <- list(time = time, event = event)
  if (!is.null(group)) keys$group <- group
  keys$conf_int <- conf
  keys$quantiles <- arr(probs)
  item(make_case(name, code, d, km_extract_any), spec_of("kaplan_meier", d, keys))
}

lr_item <- function(name, d, group, rho = 0, time = "time", event = "status") {
  code <- lr_code(group, rho, time, event)
  item(make_case(name, code, d, logrank_extract),
       spec_of("logrank", d, list(time = time, event = event, group = group, rho = rho)))
}

cox_item <- function(name, d, terms, ties, time = "time", event = "status") {
  rhs <- paste(terms, collapse = " + ")   # derived terms such as log(bili) are R expressions of base columns
  code <- cox_code(rhs, ties, time, event)
  item(make_case(name, code, d, cox_extract),
       spec_of("coxph", d, list(time = time, event = event, terms = arr(terms), ties = ties, zph = TRUE)))
}

