/* reasons_fixture.h - the built-in reason templates for unit tests: English (RC) and Spanish (RC_ES). */
#ifndef MCRC_REASONS_FIXTURE_H
#define MCRC_REASONS_FIXTURE_H

#include <stdio.h>
#include "reason.h"
#include "unit.h"

static reasons_t RS;
static reason_ctx_t RC, RC_ES;

/* Load them, or count a failure and return -1 (the test program should then stop). */
static int reasons_fixture_load(void)
{
    mcrc_err_t err = { "" };
    if (reasons_load_builtin(&RS, &err) < 0) {
        UNIT_FAILED("cannot load the built-in reasons: %s", err.msg);
        return -1;
    }
    RC = (reason_ctx_t){ &RS, reasons_lang(&RS, "en") };
    RC_ES = (reason_ctx_t){ &RS, reasons_lang(&RS, "es") };
    return 0;
}

#endif
