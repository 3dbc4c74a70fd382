/* The containers pane's NET and BLOCK columns: bytes a second between
 * two stats samples, none before the second, and a counter that went
 * back (a restart) starting again instead of a huge or negative rate. */
#include "tests/lib/testlib.h"

#include <string.h>

#include "api/stats.h"
#include "model/cstore_impl.h"

static void sample(struct cstore_entry *e, uint64_t ms, uint64_t rx,
		   uint64_t tx, uint64_t rd, uint64_t wr)
{
	struct api_stats s;

	memset(&s, 0, sizeof(s));
	s.net_rx_bytes = rx;
	s.net_tx_bytes = tx;
	s.blk_read_bytes = rd;
	s.blk_write_bytes = wr;
	cstore_push_rates(e, &s, ms);
}

static void test_rates(void **state)
{
	struct cstore_entry e;

	(void)state;
	memset(&e, 0, sizeof(e));
	sample(&e, 10000, 5000, 100, 0, 0);
	assert_false(e.has_rates);
	/* two seconds later */
	sample(&e, 12000, 7000, 600, 4096, 1048576);
	assert_true(e.has_rates);
	assert_true(e.net_rx_rate == 1000.0);
	assert_true(e.net_tx_rate == 250.0);
	assert_true(e.blk_read_rate == 2048.0);
	assert_true(e.blk_write_rate == 524288.0);
	/* half a second, nothing moved */
	sample(&e, 12500, 7000, 600, 4096, 1048576);
	assert_true(e.net_rx_rate == 0 && e.blk_write_rate == 0);
	/* the counters went back: no rate from the difference */
	sample(&e, 13500, 10, 10, 0, 0);
	assert_true(e.net_rx_rate == 0 && e.net_tx_rate == 0);
	sample(&e, 14500, 1010, 10, 0, 0);
	assert_true(e.net_rx_rate == 1000.0);
	/* the same instant twice: the rates stay as they were */
	sample(&e, 14500, 99999, 10, 0, 0);
	assert_true(e.net_rx_rate == 1000.0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rates),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
