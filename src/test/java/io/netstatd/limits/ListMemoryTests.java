package io.netstatd.limits;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ListMemoryTests {

	private static final long MB = 1 << 20;

	@Test
	void holdsWhatFitsAndRefusesWhatDoesNotNamingTheBound() {
		ListMemory memory = new ListMemory(10 * MB);
		Deadline first = Deadline.in(Duration.ofSeconds(10));
		memory.reserve(6 * MB, first);
		assertThat(memory.held()).isEqualTo(6 * MB);
		assertThatExceptionOfType(ExpensiveRequests.TooBusyException.class)
			.isThrownBy(() -> memory.reserve(5 * MB, Deadline.in(Duration.ofSeconds(10))))
			.withMessageContaining("would hold 11 MB with this one, beyond the bound of 10 MB")
			.withMessageContaining("netstatd.limits.list-memory");
		// a refused reservation holds nothing
		assertThat(memory.held()).isEqualTo(6 * MB);
		memory.reserve(4 * MB, Deadline.in(Duration.ofSeconds(10)));
		assertThat(memory.held()).isEqualTo(10 * MB);
	}

	@Test
	void givesItBackWhenTheRequestEndsOnce() {
		ListMemory memory = new ListMemory(10 * MB);
		Deadline request = Deadline.in(Duration.ofSeconds(10));
		ListMemory.Reservation held = memory.reserve(3 * MB, request);
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
		ListMemory memory = new ListMemory(10 * MB);
		Deadline request = Deadline.in(Duration.ofSeconds(10));
		request.end();
		memory.reserve(3 * MB, request);
		assertThat(memory.held()).isZero();
	}

	@Test
	void growingPastTheBoundOnceReadIsRefusedAndHoldsOnlyWhatItHad() {
		ListMemory memory = new ListMemory(10 * MB);
		Deadline other = Deadline.in(Duration.ofSeconds(10));
		memory.reserve(7 * MB, other);
		Deadline request = Deadline.in(Duration.ofSeconds(10));
		// the estimate fitted; the rows read are more than it said
		ListMemory.Reservation held = memory.reserve(2 * MB, request);
		assertThatExceptionOfType(ExpensiveRequests.TooBusyException.class).isThrownBy(() -> held.resize(4 * MB));
		assertThat(memory.held()).isEqualTo(9 * MB);
		held.resize(1 * MB);
		assertThat(memory.held()).isEqualTo(8 * MB);
		request.end();
		other.end();
		assertThat(memory.held()).isZero();
	}

}
