-- Adobe Commerce-only tables (Magento_Reward), created with `--edition commerce`.
-- Schema: Magento_Reward etc/db_schema.xml (2.3.3 EE modules).

CREATE TABLE `magento_reward` (
  `reward_id` int unsigned NOT NULL AUTO_INCREMENT,
  `customer_id` int unsigned NOT NULL DEFAULT 0,
  `website_id` smallint unsigned DEFAULT NULL,
  `points_balance` int unsigned NOT NULL DEFAULT 0,
  `website_currency_code` varchar(3) DEFAULT NULL,
  PRIMARY KEY (`reward_id`),
  UNIQUE KEY `MAGENTO_REWARD_CUSTOMER_ID_WEBSITE_ID` (`customer_id`, `website_id`),
  CONSTRAINT `MAGENTO_REWARD_CUSTOMER_ID_CUSTOMER_ENTITY_ENTITY_ID` FOREIGN KEY (`customer_id`) REFERENCES `customer_entity` (`entity_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Enterprise Reward';

CREATE TABLE `magento_reward_history` (
  `history_id` int unsigned NOT NULL AUTO_INCREMENT,
  `reward_id` int unsigned NOT NULL DEFAULT 0,
  `website_id` smallint unsigned NOT NULL DEFAULT 0,
  `store_id` smallint unsigned DEFAULT NULL,
  `action` smallint NOT NULL DEFAULT 0,
  `entity` int DEFAULT NULL,
  `points_balance` int unsigned NOT NULL DEFAULT 0,
  `points_delta` int NOT NULL DEFAULT 0,
  `points_used` int NOT NULL DEFAULT 0,
  `points_voided` int unsigned NOT NULL DEFAULT 0,
  `currency_amount` decimal(20,4) NOT NULL DEFAULT 0,
  `currency_delta` decimal(20,4) NOT NULL DEFAULT 0,
  `base_currency_code` varchar(5) NOT NULL,
  `additional_data` text NOT NULL,
  `comment` text,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `expired_at_static` timestamp NULL DEFAULT NULL,
  `expired_at_dynamic` timestamp NULL DEFAULT NULL,
  `is_expired` smallint NOT NULL DEFAULT 0,
  `is_duplicate_of` int unsigned DEFAULT NULL,
  `notification_sent` smallint NOT NULL DEFAULT 0,
  PRIMARY KEY (`history_id`),
  CONSTRAINT `MAGENTO_REWARD_HISTORY_REWARD_ID_MAGENTO_REWARD_REWARD_ID` FOREIGN KEY (`reward_id`) REFERENCES `magento_reward` (`reward_id`) ON DELETE CASCADE,
  CONSTRAINT `MAGENTO_REWARD_HISTORY_STORE_ID_STORE_STORE_ID` FOREIGN KEY (`store_id`) REFERENCES `store` (`store_id`) ON DELETE SET NULL,
  CONSTRAINT `MAGENTO_REWARD_HISTORY_WEBSITE_ID_STORE_WEBSITE_WEBSITE_ID` FOREIGN KEY (`website_id`) REFERENCES `store_website` (`website_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Enterprise Reward History';
