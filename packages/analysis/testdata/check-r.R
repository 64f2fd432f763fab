# Recomputes the report's statistics in R from the report directory alone: runs results.json's
# r_setup (which loads data/analysis_participants.csv), then each analysis' r_code, and extracts the
# numbers R gives. Writes them as JSON for the comparison in src/results/r-agreement.test.ts.
#
#   Rscript packages/analysis/testdata/check-r.R REPORT_DIR OUT.json
#
# Needs R with survival, pROC, cmprsk and jsonlite (Debian: r-cran-survival r-cran-proc r-cran-cmprsk
# r-cran-jsonlite). This is the independent recomputation of issue 6 in miniature: it trusts nothing
# of the TypeScript code but the R code printed in results.json.
suppressPackageStartupMessages({
  library(jsonlite); library(survival); library(pROC); library(cmprsk)
})
args <- commandArgs(trailingOnly = TRUE)
dir <- args[[1]]; out_file <- file.path(normalizePath(dirname(args[[2]])), basename(args[[2]]))
res <- fromJSON(file.path(dir, "results.json"), simplifyVector = FALSE)
setwd(dir)
base <- new.env()
eval(parse(text = res$dataset$r_setup), envir = base)

records <- list()
walk <- function(x) {
  if (is.list(x)) {
    if (!is.null(x$id) && !is.null(x$r_code) && !is.null(x$status) && identical(x$status, "ok")) {
      records[[x$id]] <<- x
    } else for (v in x) walk(v)
  }
}
walk(res[c("diagnosis", "prognosis", "decision_support")])

run <- function(code) {
  e <- new.env(parent = base)
  e$d <- base$d; e$r <- base$r
  last <- withCallingHandlers(
    suppressMessages(eval(parse(text = code), envir = e)),
    warning = function(w) invokeRestart("muffleWarning")
  )
  list(env = e, last = last)
}

num <- function(x) unname(as.numeric(x))
out <- list()
for (id in names(records)) {
  rec <- records[[id]]
  code <- rec$r_code
  if (!nzchar(code) || grepl("cv_folds", code)) next
  got <- tryCatch({
    ev <- run(code); e <- ev$env
    a <- rec$spec$analysis
    if (identical(a, "diagnostic_2x2")) {
      list(table = c(e$tp, e$fp, e$fn, e$tn),
           sensitivity_cp = num(binom.test(e$tp, e$tp + e$fn)$conf.int))
    } else if (identical(a, "cohen_kappa")) {
      tab <- if (!is.null(e$tab)) e$tab else ev$last
      p <- tab / sum(tab); po <- sum(diag(p)); pe <- sum(rowSums(p) * colSums(p))
      list(n = sum(tab), kappa = (po - pe) / (1 - pe))
    } else if (identical(a, "roc")) {
      r1 <- e$r1
      if (is.null(r1)) NULL else list(n = length(r1$cases) + length(r1$controls), auc = num(r1$auc),
                                      ci = num(ci.auc(r1, method = "delong"))[c(1, 3)])
    } else if (identical(a, "roc_test")) {
      list(statistic = num(ev$last$statistic), p = num(ev$last$p.value))
    } else if (identical(a, "logistic_glm")) {
      fit <- e$fit
      list(n = nobs(fit), terms = names(coef(fit)), estimate = num(coef(fit)))
    } else if (identical(a, "coxph")) {
      fit <- e$fit
      z <- tryCatch(cox.zph(fit, transform = "km"), error = function(err) NULL)
      list(n = fit$n, nevent = fit$nevent, terms = names(coef(fit)), coef = num(coef(fit)),
           C = num(fit$concordance["concordance"]),
           zph_global_p = if (is.null(z)) NULL else num(z$table["GLOBAL", "p"]))
    } else if (identical(a, "kaplan_meier")) {
      fit <- e$fit
      s <- summary(fit, times = c(0, 183, 365, 548, 731, 913, 1096), extend = TRUE)
      list(strata = as.character(s$strata), time = num(s$time), n_risk = num(s$n.risk), surv = num(s$surv))
    } else if (identical(a, "logrank")) {
      list(chisq = num(ev$last$chisq))
    } else if (identical(a, "competing_risks") && identical(rec$spec$method, "cuminc")) {
      tp <- timepoints(e$ci, c(365, 1096))
      list(names = rownames(tp$est), est = num(tp$est), gray_stat = num(e$ci$Tests[, "stat"]))
    } else if (identical(a, "competing_risks")) {
      s <- summary(e$fit, times = c(365, 1096))
      list(pstate = num(s$pstate))
    } else NULL
  }, error = function(err) list(error = conditionMessage(err)))
  if (!is.null(got)) out[[id]] <- got
}
# Table 1: medians and quartiles (type 2) by cohort.
for (row in res$participants$table1$rows) {
  if (!identical(row$kind, "continuous")) next
  for (col in c("all", "non_neoplastic", "benign", "malignant")) {
    x <- base$d[[row$variable]]
    if (col != "all") x <- x[!is.na(base$d$cohort) & base$d$cohort == col]
    x <- x[!is.na(x)]
    if (length(x) > 0) out[[paste0("table1.", row$variable, ".", col)]] <- list(quartiles = num(quantile(x, c(0.25, 0.5, 0.75), type = 2)))
  }
}
# Tests of Table 1 (across cohorts) and of Question 2's cross-tables (chisq.test / fisher.test /
# kruskal.test, as each r_code says).
tests <- list()
walk_tests <- function(x) {
  if (is.list(x)) {
    if (!is.null(x$id) && !is.null(x$r_code) && grepl("\\.test$", x$id) && identical(x$status, "ok")) {
      tests[[x$id]] <<- x
    } else for (v in x) walk_tests(v)
  }
}
walk_tests(res$participants$table1)
walk_tests(res$treatment)
for (t in tests) {
  out[[t$id]] <- tryCatch({
    ht <- run(t$r_code)$last
    list(statistic = if (is.null(ht$statistic)) NULL else num(ht$statistic), p = num(ht$p.value))
  }, error = function(err) list(error = conditionMessage(err)))
}
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null", na = "null"), out_file)
cat(length(out), "analyses recomputed in R\n")
