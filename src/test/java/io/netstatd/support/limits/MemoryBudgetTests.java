package io.netstatd.support.limits;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MemoryBudgetTests {

	private static final long MB = 1 << 20;

	@Test
	void holdsWhatFitsAndRefusesWhatDoesNotNamingTheBound() {
		MemoryBudget memory = new MemoryBudget(10 * MB);
		Deadline first = Deadline.in(Duration.ofSeconds(10));
		memory.reserve(6 * MB, first);
		assertThat(memory.held()).isEqualTo(6 * MB);
		assertThatExceptionOfType(ExpensiveRequests.TooBusyException.class)
			.isThrownBy(() -> memory.reserve(5 * MB, Deadline.in(Duration.ofSeconds(10))))
			.withMessageContaining("would reach 11 MB with this socket list, beyond its memory budget of 10 MB")
			.withMessageContaining("netstatd.limits.memory");
		// a refused reservation holds nothing
		assertThat(memory.held()).isEqualTo(6 * MB);
		memory.reserve(4 * MB, Deadline.in(Duration.ofSeconds(10)));
		assertThat(memory.held()).isEqualTo(10 * MB);
	}

	@Test
	void givesItBackWhenTheRequestEndsOnce() {
		MemoryBudget memory = new MemoryBudget(10 * MB);
		Deadline request = Deadline.in(Duration.ofSeconds(10));
		MemoryBudget.Reservation held = memory.reserve(3 * MB, request);
		held.resize(8 * MB);
		assertThat(memory.held()).isEqualTo(8 * MB);
		request.end();
		assertThat(memory.held()).isZero();
		request.end();
		held.release();
		held.resize(9 * MB);
		assertThat(memory.held()).isZero();
	}

	@Test
	void givesItBackAtOnceWhenTheRequestHadEndedBefore() {
		MemoryBudget memory = new MemoryBudget(10 * MB);
		Deadline request = Deadline.in(Duration.ofSeconds(10));
		request.end();
		memory.reserve(3 * MB, request);
		assertThat(memory.held()).isZero();
	}

	@Test
	void growingPastTheBoundOnceReadIsRefusedAndHoldsOnlyWhatItHad() {
		MemoryBudget memory = new MemoryBudget(10 * MB);
		Deadline other = Deadline.in(Duration.ofSeconds(10));
		memory.reserve(7 * MB, other);
		Deadline request = Deadline.in(Duration.ofSeconds(10));
		// the estimate fitted; the rows read are more than it said
		MemoryBudget.Reservation held = memory.reserve(2 * MB, request);
		assertThatExceptionOfType(ExpensiveRequests.TooBusyException.class).isThrownBy(() -> held.resize(4 * MB));
		assertThat(memory.held()).isEqualTo(9 * MB);
		held.resize(1 * MB);
		assertThat(memory.held()).isEqualTo(8 * MB);
		request.end();
		other.end();
		assertThat(memory.held()).isZero();
	}

	@Test
	void holdersThatAreNotRequestsHoldUntilTheyRelease() {
		MemoryBudget memory = new MemoryBudget(10 * MB);
		MemoryBudget.Reservation table = memory.reserve(4 * MB, "live stream table");
		assertThatExceptionOfType(ExpensiveRequests.TooBusyException.class)
			.isThrownBy(() -> memory.reserve(7 * MB, "live stream table"))
			.withMessageStartingWith("What the service holds would reach 11 MB with this live stream table, "
					+ "beyond its memory budget of 10 MB (netstatd.limits.memory)");
		table.release();
		assertThat(memory.held()).isZero();
	}

	@Test
	void theBudgetIsAShareOfTheHeapOrASize() {
		assertThat(limits("50%").memoryBytes(128 * MB)).isEqualTo(64 * MB);
		assertThat(limits("12.5%").memoryBytes(128 * MB)).isEqualTo(16 * MB);
		assertThat(limits("64MB").memoryBytes(128 * MB)).isEqualTo(64 * MB);
		for (String wrong : new String[] { "0%", "101%", "half", "-3MB", "0" }) {
			assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> limits(wrong))
				.withMessage("netstatd.limits.memory is '" + wrong
						+ "': a share of the heap (1% to 100%, such as 50%) or a size (such as 64MB) is allowed");
		}
	}

	private static LimitsProperties limits(String memory) {
		return new LimitsProperties(4, Duration.ofSeconds(10), memory);
	}

}
